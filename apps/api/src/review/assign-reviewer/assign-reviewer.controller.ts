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
  requiredIfMatch,
  reviewOutcomeSchema,
  withETag,
} from '../review.shared';
import { AssignReviewer } from './assign-reviewer.handler';
import { assignReviewerRequest } from './assign-reviewer.schema';

@ApiTags('reviews')
@Controller('reviews/:caseId/assignment')
export class AssignReviewerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('supervisor', 'reviewer')
  @Operation({
    operationId: 'assignReviewer',
    summary: 'Assign the case to a reviewer',
    description:
      'Supervisors assign and reassign (a reassignment says why); a reviewer may take an unassigned case for ' +
      'themselves. The reviewer must be in the staff directory and work for the case’s unit.',
    request: assignReviewerRequest,
    response: reviewOutcomeSchema,
    ifMatch: 'required',
    etag: true,
    refusals: [
      ...REVIEW_REFUSALS,
      ...IF_MATCH_REFUSALS,
      { status: 403, codes: ['WRONG_UNIT', 'ONLY_SUPERVISOR_MAY_ASSIGN', 'NOT_UNIT_STAFF'] },
      {
        status: 409,
        codes: [
          'CASE_ALREADY_ASSIGNED',
          'ALREADY_ASSIGNED_TO_REVIEWER',
          'CASE_ALREADY_RESOLVED',
          'CASE_ALREADY_CLOSED',
          'ALREADY_WITHDRAWN',
        ],
      },
      CONCURRENCY_REFUSAL,
      { status: 422, codes: ['UNKNOWN_REVIEWER', 'REASSIGNMENT_REASON_REQUIRED'] },
    ],
  })
  async assign(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const version = requiredIfMatch(ifMatch);
    const request = parseBody(assignReviewerRequest, body);
    return withETag(
      res,
      await this.commandBus.execute(new AssignReviewer(principal, caseId, request, version)),
    );
  }
}
