import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import {
  CASE_STATUS_READ_MODEL,
  CaseStatusReadModel,
  ReceiptStatus,
} from '@expediente/infra/case-status/case-status.port';
import { VisibleCases } from '../status.shared';

export type ProofOfReceipt =
  | { readonly ready: false; readonly status: ReceiptStatus }
  | { readonly ready: true; readonly csv: string; readonly zip: Readable };

export class DownloadProofOfReceipt extends Query<ProofOfReceipt> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(DownloadProofOfReceipt)
export class DownloadProofOfReceiptHandler implements IQueryHandler<DownloadProofOfReceipt> {
  constructor(
    private readonly cases: VisibleCases,
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({ principal, caseId }: DownloadProofOfReceipt): Promise<ProofOfReceipt> {
    const status = await this.cases.visibleToParty(principal, caseId);
    const receipt = await this.readModel.receiptOfCase(caseId);
    if (!receipt) return { ready: false, status: status.receipt.status };
    return { ready: true, csv: receipt.csv, zip: this.blobs.open(receipt.zipHash) };
  }
}
