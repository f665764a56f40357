import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { isStaff, Reviews } from '../review.shared';
import type { ReviewView } from './view-review.schema';

export class ViewReview extends Query<ReviewView> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

/** The whole review for its unit's staff; the parties see where it stands and what is asked of them. */
@QueryHandler(ViewReview)
export class ViewReviewHandler implements IQueryHandler<ViewReview> {
  constructor(private readonly reviews: Reviews) {}

  async execute({ principal, caseId }: ViewReview): Promise<ReviewView> {
    if (isStaff(principal)) {
      const { review, version } = await this.reviews.forStaff(principal, caseId);
      return { ...review, version };
    }
    const { review, version } = await this.reviews.forParty(principal, caseId);
    return {
      caseId,
      status: review.status,
      procedure: review.procedure,
      unit: review.unit,
      ...(review.status === 'awaiting-citizen' && { request: review.request }),
      ...(review.status === 'withdrawn' && { withdrawnAt: review.withdrawnAt }),
      version,
    };
  }
}
