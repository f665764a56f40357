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
import { ViewReview } from './view-review.handler';
import { reviewViewSchema } from './view-review.schema';

@ApiTags('reviews')
@Controller('reviews/:caseId')
export class ViewReviewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('reviewer', 'supervisor', 'citizen')
  @Operation({
    operationId: 'viewReview',
    summary: 'View a case under review',
    description:
      "The unit's reviewers and supervisors get the whole review; the case's filer and subject get its status, " +
      'what is asked of them and by when. Other units and other people get 404, as for a case that does not exist.',
    response: reviewViewSchema,
    etag: true,
    refusals: REVIEW_REFUSALS,
  })
  async view(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.queryBus.execute(new ViewReview(principal, caseId)));
  }
}
