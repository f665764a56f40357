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
import { EvaluateCase } from './evaluate-case.handler';
import { evaluateCaseRequest } from './evaluate-case.schema';

@ApiTags('reviews')
@Controller('reviews/:caseId/evaluation')
export class EvaluateCaseController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('reviewer', 'supervisor')
  @Operation({
    operationId: 'evaluateCase',
    summary: 'Record the medical evaluation',
    description: 'The assigned reviewer records the findings; the case is then ready to be resolved.',
    request: evaluateCaseRequest,
    response: reviewOutcomeSchema,
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
      { status: 422, codes: ['FINDINGS_REQUIRED'] },
    ],
  })
  async evaluate(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { findings } = parseBody(evaluateCaseRequest, body);
    return withETag(
      res,
      await this.commandBus.execute(new EvaluateCase(principal, caseId, findings, parseIfMatch(ifMatch))),
    );
  }
}
