import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { UnitCaseDocuments } from '../case-documents.shared';
import type { CaseDocuments } from './list-case-documents.schema';

export class ListCaseDocuments extends Query<CaseDocuments> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

/**
 * What the case holds, for its unit's staff. Listing shows names, types and sizes, not contents,
 * so it is not recorded as a read; opening a document is (read-case-document).
 */
@QueryHandler(ListCaseDocuments)
export class ListCaseDocumentsHandler implements IQueryHandler<ListCaseDocuments> {
  constructor(
    private readonly documents: UnitCaseDocuments,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({ principal, caseId }: ListCaseDocuments): Promise<CaseDocuments> {
    const { documents } = await this.documents.forStaff(principal, caseId);
    return {
      documents: await Promise.all(
        documents.map(async (document) => ({
          ...document,
          size: document.size ?? (await this.blobs.size(document.blobHash)),
        })),
      ),
    };
  }
}
