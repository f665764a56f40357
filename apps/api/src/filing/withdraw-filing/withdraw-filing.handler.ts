import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CaseWithdrawal } from '../../case-lifecycle/case-withdrawal.service';
import { FilingDrafts } from '../filing.shared';
import { FILING_PROCEDURES, FilingSlug } from '../procedures';

export class WithdrawFiling extends Command<{ caseId: string; version: number }> {
  constructor(
    readonly principal: Principal,
    readonly procedure: FilingSlug,
    readonly caseId: string,
    readonly reason: string | undefined,
  ) {
    super();
  }
}

/** Withdraws the whole case, its review included (CaseWithdrawal), asked through the filing. */
@CommandHandler(WithdrawFiling)
export class WithdrawFilingHandler implements ICommandHandler<WithdrawFiling> {
  constructor(
    private readonly drafts: FilingDrafts,
    private readonly withdrawal: CaseWithdrawal,
  ) {}

  async execute({ principal, procedure, caseId, reason }: WithdrawFiling) {
    await this.drafts.readable(procedure, principal, caseId);
    const withdrawn = await this.withdrawal.withdraw(
      principal,
      caseId,
      FILING_PROCEDURES[procedure].procedure,
      reason,
    );
    return { caseId, version: withdrawn.filingVersion! };
  }
}
