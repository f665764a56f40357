import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { InformationDrafts } from '@expediente/infra/review-queue/information-drafts';
import { ApiProblem } from '../../problem/api-problem';
import { Reviews } from '../review.shared';

export class RemoveInformationDocument extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly blobHash: string,
  ) {
    super();
  }
}

@CommandHandler(RemoveInformationDocument)
export class RemoveInformationDocumentHandler implements ICommandHandler<RemoveInformationDocument> {
  constructor(
    private readonly reviews: Reviews,
    private readonly drafts: InformationDrafts,
  ) {}

  async execute({ principal, caseId, blobHash }: RemoveInformationDocument): Promise<void> {
    await this.reviews.forParty(principal, caseId);
    if ((await this.drafts.remove(caseId, principal.subject, [blobHash])) === 0) {
      throw new ApiProblem(
        404,
        'DOCUMENT_NOT_FOUND',
        'Document not found',
        'There is no such uploaded document.',
        {
          blobHash,
        },
      );
    }
  }
}
