import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { isCsv } from '@expediente/infra/receipts/csv';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { issuedDocumentByCsv } from '@expediente/infra/verification/issued-documents';
import { ApiProblem } from '../../problem/api-problem';

/** What a verification code (CSV) stands for: a proof of receipt or a resolution letter. */
export interface VerifiedDocument {
  readonly body: Record<string, unknown> & { readonly csv: string };
  readonly pdfSha256: string;
  readonly pdf: () => Readable;
  readonly signature: () => Readable;
}

export class VerifyDocument extends Query<VerifiedDocument> {
  constructor(readonly typedCsv: string) {
    super();
  }
}

@QueryHandler(VerifyDocument)
export class VerifyDocumentHandler implements IQueryHandler<VerifyDocument> {
  constructor(
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({ typedCsv }: VerifyDocument): Promise<VerifiedDocument> {
    // As printed ("K7Q2-M9X4-…") or typed in lowercase: the code is the same.
    const csv = typedCsv.toUpperCase().replace(/[\s-]/g, '');
    if (isCsv(csv)) {
      const receipt = await this.readModel.receiptByCsv(csv);
      if (receipt) {
        return this.found(
          {
            csv,
            kind: 'proof-of-receipt',
            registryEntry: { number: receipt.registryNumber, registeredAt: receipt.registeredAt },
            facts: receipt.facts,
          },
          receipt.pdfHash,
          receipt.p7sHash,
        );
      }
      const letter = await issuedDocumentByCsv(this.sql, csv);
      if (letter) {
        return this.found(
          { csv, kind: letter.kind, caseId: letter.caseId, issuedAt: letter.issuedAt },
          letter.documentHash,
          letter.signatureHash,
        );
      }
    }
    throw new ApiProblem(
      404,
      'UNKNOWN_VERIFICATION_CODE',
      'Unknown verification code',
      'No document issued by this office has this verification code (CSV). Check it was typed exactly as printed.',
    );
  }

  private found(body: VerifiedDocument['body'], pdfHash: string, signatureHash: string): VerifiedDocument {
    return {
      body,
      pdfSha256: pdfHash,
      pdf: () => this.blobs.open(pdfHash),
      signature: () => this.blobs.open(signatureHash),
    };
  }
}
