import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { UNIT_REFUSALS } from '../dashboard.shared';
import { ViewUnitDashboard } from './view-unit-dashboard.handler';
import { unitDashboardResponse } from './view-unit-dashboard.schema';

@ApiTags('dashboard')
@Roles('supervisor', 'reviewer')
@Controller('units/:unit/dashboard')
export class ViewUnitDashboardController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'viewUnitDashboard',
    summary: "View a medical unit's dashboard",
    description:
      'Backlog, the caller’s own cases, cases waiting on the citizen, overdue cases, ageing and resolutions per ' +
      'week, counted from one snapshot. Staff see only their own unit.',
    response: unitDashboardResponse,
    refusals: UNIT_REFUSALS,
  })
  dashboard(@Param('unit') unit: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ViewUnitDashboard(principal, unit));
  }
}
