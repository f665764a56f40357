import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { ReviewOutcome, Reviews } from '../review.shared';
import type { ResolveCaseRequest } from './resolve-case.schema';

export class ResolveCase extends Command<ReviewOutcome> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly request: ResolveCaseRequest,
    readonly expectedVersion: number,
  ) {
    super();
  }
}

@CommandHandler(ResolveCase)
export class ResolveCaseHandler implements ICommandHandler<ResolveCase> {
  constructor(private readonly reviews: Reviews) {}

  async execute({ principal, caseId, request, expectedVersion }: ResolveCase): Promise<ReviewOutcome> {
    await this.reviews.forStaff(principal, caseId);
    return this.reviews.run(
      caseId,
      { type: 'ResolveCase', data: { caseId, ...request }, metadata: metadataFor(principal) },
      expectedVersion,
    );
  }
}
