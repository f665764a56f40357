import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { STAFF_DIRECTORY, StaffDirectory } from '@expediente/infra/staff/staff-directory.port';
import { metadataFor } from '../../commands/command-context';
import { ApiProblem } from '../../problem/api-problem';
import { ReviewOutcome, Reviews } from '../review.shared';
import type { AssignReviewerRequest } from './assign-reviewer.schema';

export class AssignReviewer extends Command<ReviewOutcome> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly request: AssignReviewerRequest,
    readonly expectedVersion: number,
  ) {
    super();
  }
}

/** The reviewer's unit is the directory's word, not the request's. */
@CommandHandler(AssignReviewer)
export class AssignReviewerHandler implements ICommandHandler<AssignReviewer> {
  constructor(
    private readonly reviews: Reviews,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
  ) {}

  async execute({ principal, caseId, request, expectedVersion }: AssignReviewer): Promise<ReviewOutcome> {
    await this.reviews.forStaff(principal, caseId);
    const member = await this.staff.find(request.reviewerId);
    if (!member || !member.roles.includes('reviewer')) {
      throw new ApiProblem(
        422,
        'UNKNOWN_REVIEWER',
        'Unknown reviewer',
        `The staff directory has no reviewer ${request.reviewerId}.`,
        {
          reviewerId: request.reviewerId,
        },
      );
    }
    return this.reviews.run(
      caseId,
      {
        type: 'AssignReviewer',
        data: { caseId, reviewer: { id: member.id, unit: member.unit }, reason: request.reason },
        metadata: metadataFor(principal),
      },
      expectedVersion,
    );
  }
}
