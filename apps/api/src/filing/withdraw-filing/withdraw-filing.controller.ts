import { Body, Controller, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { withdrawalRequest } from '../../case-lifecycle/withdrawal.schema';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation, OperationSpec } from '../../openapi/operation.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { draftVersion } from '../filing.schema';
import type { FilingSlug } from '../procedures';
import { WithdrawFiling } from './withdraw-filing.handler';

const withdrawal: Omit<OperationSpec, 'operationId' | 'summary'> = {
  description:
    'Withdraws a submitted case before it is resolved, never after: the filing and its review both record it, and the case leaves every queue.',
  request: withdrawalRequest,
  response: draftVersion,
  status: 201,
  refusals: [
    { status: 400, codes: ['INVALID_ID'] },
    { status: 403, codes: ['NOT_THE_FILER', 'LEVEL_OF_ASSURANCE_TOO_LOW'] },
    { status: 404, codes: ['CASE_NOT_FOUND'] },
    {
      status: 409,
      codes: ['NOT_SUBMITTED', 'ALREADY_WITHDRAWN', 'CASE_ALREADY_RESOLVED', 'CONCURRENT_MODIFICATION'],
    },
  ],
};

@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class WithdrawFilingController {
  constructor(private readonly commands: CommandBus) {}

  @Post('medical-reports/:caseId/withdrawal')
  @Operation({
    operationId: 'withdrawMedicalReports',
    summary: 'Withdraw a medical-reports case',
    ...withdrawal,
  })
  withdrawMedicalReports(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.withdraw(principal, 'medical-reports', caseId, body);
  }

  @Post('entitlement-applications/:caseId/withdrawal')
  @Operation({
    operationId: 'withdrawEntitlementApplication',
    summary: 'Withdraw an entitlement-application case',
    ...withdrawal,
  })
  withdrawEntitlementApplication(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.withdraw(principal, 'entitlement-applications', caseId, body);
  }

  private withdraw(principal: Principal, procedure: FilingSlug, caseId: string, body: unknown) {
    const { reason } = parseBody(withdrawalRequest, body);
    return this.commands.execute(new WithdrawFiling(principal, procedure, caseId, reason));
  }
}
