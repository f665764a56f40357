import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Authenticated } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { POWER_ID } from '../powers.shared';
import { powerView } from '../view-power/view-power.schema';
import { AcceptPowerCommand } from './accept-power.handler';

@ApiTags('powers of attorney')
@Authenticated()
@Controller('powers')
export class AcceptPowerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':powerId/acceptance')
  @Operation({
    operationId: 'acceptPower',
    summary: 'Accept a power of attorney granted to me',
    description:
      'The proxy named in the power accepts it; from that instant it is in force within its period. A revoked or expired power can no longer be accepted. No body.',
    status: 201,
    response: powerView,
    refusals: [
      { status: 400, codes: ['INVALID_ID'] },
      { status: 403, codes: ['ONLY_PROXY_MAY_ACCEPT'] },
      { status: 404, codes: ['POWER_NOT_FOUND'] },
      { status: 409, codes: ['POWER_ALREADY_ACCEPTED', 'POWER_ALREADY_REVOKED', 'POWER_EXPIRED'] },
    ],
  })
  @UuidPathParameter('powerId', POWER_ID)
  accept(@Param('powerId', uuidParam('powerId')) powerId: string, @CurrentPrincipal() principal: Principal) {
    return this.commandBus.execute(new AcceptPowerCommand(principal, powerId));
  }
}
