import { Controller, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation, OperationSpec } from '../../openapi/operation.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { RequestFilingSigningCode } from './request-signing-code.handler';
import { signingCodeSent } from './request-signing-code.schema';

const request: Omit<OperationSpec, 'operationId' | 'summary'> = {
  description:
    'Sends a one-time code by SMS to the Cl@ve permanente holder’s registered mobile, to sign the submission of this filing. Certificates and Cl@ve móvil sign directly (409 SIGNING_CODE_NOT_NEEDED).',
  response: signingCodeSent,
  status: 202,
  refusals: [
    { status: 400, codes: ['INVALID_ID'] },
    { status: 403, codes: ['NOT_THE_FILER', 'LEVEL_OF_ASSURANCE_TOO_LOW'] },
    { status: 404, codes: ['CASE_NOT_FOUND'] },
    { status: 409, codes: ['SIGNING_CODE_NOT_NEEDED'] },
    { status: 422, codes: ['NO_REGISTERED_MOBILE'] },
    { status: 429, codes: ['RATE_LIMITED', 'SIGNING_CODE_ATTEMPTS_EXHAUSTED'] },
    { status: 502, codes: ['SMS_NOT_SENT'] },
  ],
};

@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class RequestSigningCodeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('medical-reports/:caseId/signing-code')
  @Operation({
    operationId: 'requestMedicalReportsSigningCode',
    summary: 'Send the SMS code to sign a medical-reports filing',
    ...request,
  })
  requestMedicalReportsSigningCode(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commands.execute(new RequestFilingSigningCode(principal, 'medical-reports', caseId));
  }

  @Post('entitlement-applications/:caseId/signing-code')
  @Operation({
    operationId: 'requestEntitlementApplicationSigningCode',
    summary: 'Send the SMS code to sign an entitlement-application filing',
    ...request,
  })
  requestEntitlementApplicationSigningCode(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commands.execute(new RequestFilingSigningCode(principal, 'entitlement-applications', caseId));
  }
}
