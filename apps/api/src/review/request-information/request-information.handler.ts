import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { citizenAnswerDueOn } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { metadataFor } from '../../commands/command-context';
import { ReviewOutcome, Reviews } from '../review.shared';

export class RequestInformation extends Command<ReviewOutcome> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly requested: string,
    /** The version the client saw, when it sends If-Match: a change since then is a 409. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** The citizen's time to answer counts business days of the case's province, from today. */
@CommandHandler(RequestInformation)
export class RequestInformationHandler implements ICommandHandler<RequestInformation> {
  constructor(
    private readonly reviews: Reviews,
    @Inject(DEADLINE_RULES) private readonly rules: DeadlineRules,
  ) {}

  async execute({
    principal,
    caseId,
    requested,
    expectedVersion,
  }: RequestInformation): Promise<ReviewOutcome> {
    const { review } = await this.reviews.forStaff(principal, caseId);
    const metadata = metadataFor(principal);
    const dueOn = citizenAnswerDueOn(
      { procedure: review.procedure, requestedAt: metadata.now },
      this.rules.policy,
      {
        calendar: this.rules.calendar,
        provinceCode: review.provinceCode,
      },
    );
    return this.reviews.run(
      caseId,
      {
        type: 'RequestInformation',
        data: { caseId, requested, dueOn },
        metadata,
      },
      expectedVersion,
    );
  }
}
