import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { caseReviewDecider } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { InformationDrafts } from '@expediente/infra/review-queue/information-drafts';
import { streams } from '@expediente/infra/event-store/streams';
import { SignedCommands } from '../../commands/signed-command';
import { ApiProblem } from '../../problem/api-problem';
import { outcomeOf, ReviewOutcome, Reviews } from '../review.shared';
import { informationPurposeOf, provideInformationCommand } from '../information.shared';
import type { ProvideInformationRequest } from './provide-information.schema';

export class ProvideInformation extends Command<ReviewOutcome> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly request: ProvideInformationRequest,
  ) {
    super();
  }
}

/** The signed answer: its documents are the ones uploaded for it, and they leave the draft once it is sent. */
@CommandHandler(ProvideInformation)
export class ProvideInformationHandler implements ICommandHandler<ProvideInformation> {
  constructor(
    private readonly reviews: Reviews,
    private readonly drafts: InformationDrafts,
    private readonly signed: SignedCommands,
  ) {}

  async execute({ principal, caseId, request }: ProvideInformation): Promise<ReviewOutcome> {
    const { review, version } = await this.reviews.awaitingAnswerFrom(principal, caseId);
    const pending = await this.drafts.list(caseId, principal.subject);
    const attachments = request.documents.map(
      (hash) => pending.find((document) => document.blobHash === hash) ?? notUploaded(hash),
    );
    const answer = { statement: request.statement, attachments };
    const result = await this.signed.run(principal, {
      decider: caseReviewDecider,
      stream: streams.review(caseId),
      state: review,
      version,
      command: (otpVerified) => provideInformationCommand(principal, caseId, answer, otpVerified),
      purpose: informationPurposeOf(caseId),
      signingCode: request.signingCode,
    });
    await this.drafts.remove(caseId, principal.subject, request.documents);
    return outcomeOf(caseId, result.state, result.version ?? version);
  }
}

function notUploaded(blobHash: string): never {
  throw new ApiProblem(
    422,
    'DOCUMENT_NOT_UPLOADED',
    'Document not uploaded',
    'Upload each document (POST …/information/documents) before naming it in the answer.',
    { blobHash },
  );
}
