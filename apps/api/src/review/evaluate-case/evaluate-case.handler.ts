import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { ReviewOutcome, Reviews } from '../review.shared';

export class EvaluateCase extends Command<ReviewOutcome> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly findings: string,
    /** The version the client saw, when it sends If-Match: a change since then is a 409. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(EvaluateCase)
export class EvaluateCaseHandler implements ICommandHandler<EvaluateCase> {
  constructor(private readonly reviews: Reviews) {}

  async execute({ principal, caseId, findings, expectedVersion }: EvaluateCase): Promise<ReviewOutcome> {
    await this.reviews.forStaff(principal, caseId);
    return this.reviews.run(
      caseId,
      { type: 'EvaluateCase', data: { caseId, findings }, metadata: metadataFor(principal) },
      expectedVersion,
    );
  }
}
