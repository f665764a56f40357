import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MAX_TOTAL_ATTACHMENT_BYTES, totalSize } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { InformationDrafts } from '@expediente/infra/review-queue/information-drafts';
import { Reviews } from '../review.shared';
import type { InformationDocuments } from './list-information-documents.schema';

export class ListInformationDocuments extends Query<InformationDocuments> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(ListInformationDocuments)
export class ListInformationDocumentsHandler implements IQueryHandler<ListInformationDocuments> {
  constructor(
    private readonly reviews: Reviews,
    private readonly drafts: InformationDrafts,
  ) {}

  async execute({ principal, caseId }: ListInformationDocuments): Promise<InformationDocuments> {
    await this.reviews.forParty(principal, caseId);
    const documents = await this.drafts.list(caseId, principal.subject);
    return { documents, remainingBytes: MAX_TOTAL_ATTACHMENT_BYTES - totalSize(documents) };
  }
}
