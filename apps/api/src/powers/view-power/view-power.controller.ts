import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Authenticated } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { POWER_ID } from '../powers.shared';
import { powerView } from './view-power.schema';
import { ViewPowerQuery } from './view-power.handler';

@ApiTags('powers of attorney')
@Authenticated()
@Controller('powers')
export class ViewPowerController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':powerId')
  @Operation({
    operationId: 'viewPower',
    summary: 'See a power of attorney',
    description:
      'Its terms (principal, proxy, procedures, validity period) and status, read from its own stream. Only its principal and its proxy see it; to anyone else it does not exist (404).',
    response: powerView,
    refusals: [
      { status: 400, codes: ['INVALID_ID'] },
      { status: 404, codes: ['POWER_NOT_FOUND'] },
    ],
  })
  @UuidPathParameter('powerId', POWER_ID)
  view(@Param('powerId', uuidParam('powerId')) powerId: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ViewPowerQuery(principal, powerId));
  }
}
