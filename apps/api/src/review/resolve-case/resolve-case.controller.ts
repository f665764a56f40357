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
import { ResolveCase } from './resolve-case.handler';
import { resolveCaseRequest } from './resolve-case.schema';

@ApiTags('reviews')
@Controller('reviews/:caseId/resolution')
export class ResolveCaseController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('reviewer', 'supervisor')
  @Operation({
    operationId: 'resolveCase',
    summary: 'Resolve the case',
    description:
      'The assigned reviewer grants, partially grants or denies, with grounds and legal basis. The resolution ' +
      'letter is then issued and notified to the citizen. If-Match makes a concurrent withdrawal and resolution ' +
      'exclusive: exactly one of them happens.',
    request: resolveCaseRequest,
    response: reviewOutcomeSchema,
    ifMatch: 'required',
    etag: true,
    refusals: [
      ...REVIEW_REFUSALS,
      ...IF_MATCH_REFUSALS,
      { status: 403, codes: ['NOT_UNIT_STAFF', 'NOT_ASSIGNED_TO_YOU'] },
      {
        status: 409,
        codes: [
          'CASE_NOT_ASSIGNED',
          'CASE_NOT_EVALUATED',
          'CASE_AWAITING_INFORMATION',
          'CASE_ALREADY_RESOLVED',
          'CASE_ALREADY_CLOSED',
          'ALREADY_WITHDRAWN',
        ],
      },
      CONCURRENCY_REFUSAL,
      { status: 422, codes: ['INVALID_OUTCOME', 'GROUNDS_REQUIRED', 'LEGAL_BASIS_REQUIRED'] },
    ],
  })
  async resolve(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const version = requiredIfMatch(ifMatch);
    const request = parseBody(resolveCaseRequest, body);
    return withETag(res, await this.commandBus.execute(new ResolveCase(principal, caseId, request, version)));
  }
}
