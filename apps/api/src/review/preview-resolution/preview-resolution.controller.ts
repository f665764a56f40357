import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { REVIEW_REFUSALS } from '../review.shared';
import { resolveCaseRequest } from '../resolve-case/resolve-case.schema';
import { PreviewResolution } from './preview-resolution.handler';

@ApiTags('reviews')
@Controller('reviews/:caseId/resolution/preview')
export class PreviewResolutionController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post()
  @Roles('reviewer', 'supervisor')
  @Operation({
    operationId: 'previewResolution',
    summary: 'Preview the resolution letter before resolving',
    description:
      'The letter the case would be notified with, from the same template and facts the worker issues it with, ' +
      'marked as a draft and without a verification code. Refused exactly as resolving would be (the assigned ' +
      'reviewer, an evaluated case, grounds and legal basis); nothing is recorded, sealed or sent.',
    request: resolveCaseRequest,
    response: { contentType: 'application/pdf', description: 'The draft letter.' },
    status: 200,
    refusals: [
      ...REVIEW_REFUSALS,
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
      { status: 422, codes: ['INVALID_OUTCOME', 'GROUNDS_REQUIRED', 'LEGAL_BASIS_REQUIRED', 'UNSAFE_TEXT'] },
    ],
  })
  async preview(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ) {
    const request = parseBody(resolveCaseRequest, body);
    const pdf = await this.queryBus.execute(new PreviewResolution(principal, caseId, request));
    res.status(200).type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="borrador-resolucion-${caseId}.pdf"`);
    res.send(pdf);
  }
}
