import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import {
  CONCURRENCY_REFUSAL,
  IF_MATCH_REFUSALS,
  REVIEW_REFUSALS,
  reviewOutcomeSchema,
  withETag,
} from '../review.shared';
import { parseIfMatch } from '../../problem/if-match';
import { RequestInformation } from './request-information.handler';
import { requestInformationRequest } from './request-information.schema';

@ApiTags('reviews')
@Controller('reviews/:caseId/information-requests')
export class RequestInformationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('reviewer', 'supervisor')
  @Operation({
    operationId: 'requestInformation',
    summary: 'Ask the citizen for more information',
    description:
      'The assigned reviewer asks the case’s parties for information. Their time to answer counts business days ' +
      'of the case’s province from today; the evaluation’s clock pauses until they answer or the time runs out.',
    request: requestInformationRequest,
    response: reviewOutcomeSchema,
    status: 201,
    ifMatch: 'optional',
    etag: true,
    refusals: [
      ...REVIEW_REFUSALS,
      IF_MATCH_REFUSALS[0],
      { status: 403, codes: ['NOT_UNIT_STAFF', 'NOT_ASSIGNED_TO_YOU'] },
      {
        status: 409,
        codes: [
          'CASE_NOT_ASSIGNED',
          'CASE_AWAITING_INFORMATION',
          'CASE_ALREADY_EVALUATED',
          'CASE_ALREADY_RESOLVED',
          'CASE_ALREADY_CLOSED',
          'ALREADY_WITHDRAWN',
        ],
      },
      CONCURRENCY_REFUSAL,
      {
        status: 422,
        codes: ['INFORMATION_REQUEST_REQUIRED', 'INVALID_DUE_DATE', 'HOLIDAY_CALENDAR_NOT_COVERED'],
      },
    ],
  })
  async requestInformation(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { requested } = parseBody(requestInformationRequest, body);
    return withETag(
      res,
      await this.commandBus.execute(
        new RequestInformation(principal, caseId, requested, parseIfMatch(ifMatch)),
      ),
    );
  }
}
