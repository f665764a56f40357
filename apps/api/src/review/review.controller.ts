import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../identity/roles.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { ApiProblem } from '../problem/api-problem';
import { parseBody } from '../problem/parse-body';
import { uuidParam } from '../problem/uuid-param';
import { parseIfMatch } from '../filing/filing.requests';
import {
  assignmentRequest,
  evaluationRequest,
  informationRequestRequest,
  resolutionRequest,
} from './review.requests';
import { ReviewOutcome, ReviewService } from './review.service';
import { ZodBody } from '../problem/zod-body.decorator';

/** Where a stale view would do harm (who works the case, what it decides), the client must say which version it saw. */
function requiredIfMatch(header: string | undefined): number {
  const version = parseIfMatch(header);
  if (version === undefined) {
    throw new ApiProblem(
      428,
      'IF_MATCH_REQUIRED',
      'If-Match required',
      'Send If-Match with the version (ETag) of the review you looked at, so nobody overwrites a change they did not see.',
    );
  }
  return version;
}

const withETag = (res: Response, outcome: ReviewOutcome) => {
  res.setHeader('ETag', `"${outcome.version}"`);
  return outcome;
};

/** The medical unit's work on a case: staff of the case's unit only; other units get 404. */
@ApiTags('reviews')
@Controller('reviews/:caseId')
export class ReviewController {
  constructor(private readonly reviews: ReviewService) {}

  @Get()
  @Roles('reviewer', 'supervisor', 'citizen')
  async view(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const review = await this.reviews.view(principal, caseId);
    res.setHeader('ETag', `"${review.version}"`);
    return review;
  }

  /** Supervisors assign and reassign; a reviewer may take an unassigned case for themselves. */
  @Post('assignment')
  @HttpCode(200)
  @Roles('supervisor', 'reviewer')
  @ZodBody(assignmentRequest)
  async assign(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const version = requiredIfMatch(ifMatch);
    const request = parseBody(assignmentRequest, body);
    return withETag(res, await this.reviews.assign(principal, caseId, request, version));
  }

  @Post('information-requests')
  @Roles('reviewer', 'supervisor')
  @ZodBody(informationRequestRequest)
  async requestInformation(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { requested } = parseBody(informationRequestRequest, body);
    return withETag(res, await this.reviews.requestInformation(principal, caseId, requested));
  }

  @Post('evaluation')
  @HttpCode(200)
  @Roles('reviewer', 'supervisor')
  @ZodBody(evaluationRequest)
  async evaluate(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { findings } = parseBody(evaluationRequest, body);
    return withETag(res, await this.reviews.evaluate(principal, caseId, findings));
  }

  @Post('resolution')
  @HttpCode(200)
  @Roles('reviewer', 'supervisor')
  @ZodBody(resolutionRequest)
  async resolve(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const version = requiredIfMatch(ifMatch);
    const request = parseBody(resolutionRequest, body);
    return withETag(res, await this.reviews.resolve(principal, caseId, request, version));
  }
}
