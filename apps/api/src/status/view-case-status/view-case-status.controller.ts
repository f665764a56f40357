import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { caseReadRefusals } from '../status.shared';
import { caseStatusView } from '../status.schema';
import { ViewCaseStatus } from './view-case-status.handler';

@ApiTags('status')
@UseGuards(AuthGuard)
@Controller('cases')
export class ViewCaseStatusController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId')
  @Operation({
    operationId: 'viewCaseStatus',
    summary: 'Where a case stands',
    description:
      'The status of a case the caller filed, concerns them, or (with a power of attorney in force) their principal; whether its proof of receipt is ready. Anyone else’s case reads as not found.',
    response: caseStatusView,
    refusals: caseReadRefusals,
  })
  viewCaseStatus(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.execute(new ViewCaseStatus(principal, caseId));
  }
}
