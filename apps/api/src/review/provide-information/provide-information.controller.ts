import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { RateLimited } from '../../rate-limit/rate-limit.guard';
import { Operation } from '../../openapi/operation.decorator';
import { CONCURRENCY_REFUSAL, reviewOutcomeSchema } from '../review.shared';
import { PARTY_REFUSALS } from '../information.shared';
import { ProvideInformation } from './provide-information.handler';
import { provideInformationRequest } from './provide-information.schema';

@ApiTags('reviews')
@Roles('citizen')
@Controller('reviews/:caseId/information')
export class ProvideInformationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RateLimited('submission')
  @Operation({
    operationId: 'provideInformation',
    summary: 'Send the signed answer to an information request',
    description:
      'A statement, documents uploaded for the answer, or both. Every rule is checked first; then a Cl@ve ' +
      'permanente signing code is spent (certificates sign directly), then the answer is recorded and the ' +
      'evaluation’s clock runs again.',
    request: provideInformationRequest,
    response: reviewOutcomeSchema,
    status: 201,
    refusals: [
      ...PARTY_REFUSALS,
      { status: 403, codes: ['NOT_YOUR_CASE', 'LEVEL_OF_ASSURANCE_TOO_LOW'] },
      {
        status: 409,
        codes: [
          'NOT_AWAITING_INFORMATION',
          'CASE_ALREADY_RESOLVED',
          'CASE_ALREADY_CLOSED',
          'ALREADY_WITHDRAWN',
        ],
      },
      CONCURRENCY_REFUSAL,
      {
        status: 422,
        codes: [
          'INFORMATION_REQUIRED',
          'DOCUMENT_NOT_UPLOADED',
          'SIGNATURE_OTP_REQUIRED',
          'SIGNING_CODE_WRONG',
          'SIGNING_CODE_EXPIRED',
          'SIGNING_CODE_NOT_REQUESTED',
          'ATTACHMENTS_TOO_LARGE',
          'ATTACHMENT_ALREADY_ATTACHED',
          'ATTACHMENT_KIND_NOT_ALLOWED',
        ],
      },
      { status: 429, codes: ['RATE_LIMITED', 'SIGNING_CODE_ATTEMPTS_EXHAUSTED'] },
    ],
  })
  provide(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(
      new ProvideInformation(principal, caseId, parseBody(provideInformationRequest, body)),
    );
  }
}
