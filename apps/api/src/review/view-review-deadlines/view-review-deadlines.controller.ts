import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { REVIEW_REFUSALS, withETag } from '../review.shared';
import { ViewReviewDeadlines } from './view-review-deadlines.handler';
import { reviewDeadlinesSchema } from './view-review-deadlines.schema';

@ApiTags('reviews')
@Controller('reviews/:caseId/deadlines')
export class ViewReviewDeadlinesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('reviewer', 'supervisor')
  @Operation({
    operationId: 'viewReviewDeadlines',
    summary: 'A case’s deadlines and the calendar they count in',
    description:
      'For the unit’s staff: each running step’s due date (the evaluation’s clock paused while the case waits on ' +
      'the citizen), whether it counts business or calendar days, the holidays of the case’s province, and when ' +
      'an information request made today would be due. Other units get 404.',
    response: reviewDeadlinesSchema,
    etag: true,
    refusals: [...REVIEW_REFUSALS, { status: 422, codes: ['HOLIDAY_CALENDAR_NOT_COVERED'] }],
  })
  async deadlines(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.queryBus.execute(new ViewReviewDeadlines(principal, caseId)));
  }
}
