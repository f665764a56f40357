import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CaseWithdrawal, filingProcedureOf } from '../../case-lifecycle/case-withdrawal.service';
import { outcomeOf, ReviewOutcome, reviewNotFound, Reviews } from '../review.shared';

export class WithdrawReview extends Command<ReviewOutcome> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly reason: string | undefined,
  ) {
    super();
  }
}

/** The whole case's withdrawal (CaseWithdrawal): the review's, then the filing's. */
@CommandHandler(WithdrawReview)
export class WithdrawReviewHandler implements ICommandHandler<WithdrawReview> {
  constructor(
    private readonly reviews: Reviews,
    private readonly withdrawal: CaseWithdrawal,
  ) {}

  async execute({ principal, caseId, reason }: WithdrawReview): Promise<ReviewOutcome> {
    const { review } = await this.reviews.forParty(principal, caseId);
    const withdrawn = await this.withdrawal.withdraw(principal, caseId, filingProcedureOf(review), reason);
    if (!withdrawn.review) throw reviewNotFound(caseId);
    return outcomeOf(caseId, withdrawn.review, withdrawn.review.version);
  }
}
