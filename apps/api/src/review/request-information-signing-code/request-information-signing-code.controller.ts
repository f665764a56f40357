import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { PARTY_REFUSALS } from '../information.shared';
import { RequestInformationSigningCode } from './request-information-signing-code.handler';
import { signingCodeSentResponse } from './request-information-signing-code.schema';

@ApiTags('reviews')
@Roles('citizen')
@Controller('reviews/:caseId/information/signing-code')
export class RequestInformationSigningCodeController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Operation({
    operationId: 'requestInformationSigningCode',
    summary: 'Send a signing code for the answer',
    description:
      'Cl@ve permanente users confirm their answer with a one-time code sent by SMS to their registered mobile; ' +
      'the code confirms this answer and nothing else. Certificates and Cl@ve móvil sign without one.',
    response: signingCodeSentResponse,
    status: 202,
    refusals: [
      ...PARTY_REFUSALS,
      { status: 409, codes: ['NOT_AWAITING_INFORMATION', 'SIGNING_CODE_NOT_NEEDED'] },
      { status: 422, codes: ['NO_REGISTERED_MOBILE'] },
      { status: 429, codes: ['RATE_LIMITED', 'SIGNING_CODE_ATTEMPTS_EXHAUSTED'] },
      { status: 502, codes: ['SMS_NOT_SENT'] },
    ],
  })
  requestSigningCode(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(new RequestInformationSigningCode(principal, caseId));
  }
}
