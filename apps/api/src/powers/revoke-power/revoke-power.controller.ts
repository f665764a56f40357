import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Authenticated } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { POWER_ID } from '../powers.shared';
import { powerView } from '../view-power/view-power.schema';
import { revokeRequest } from './revoke-power.schema';
import { RevokePowerCommand } from './revoke-power.handler';

@ApiTags('powers of attorney')
@Authenticated()
@Controller('powers')
export class RevokePowerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':powerId/revocation')
  @Operation({
    operationId: 'revokePower',
    summary: 'Revoke a power of attorney I granted',
    description:
      'The principal revokes the power, accepted or not; from that instant it covers nothing, and acts done by it before stand.',
    status: 201,
    request: revokeRequest,
    response: powerView,
    refusals: [
      { status: 400, codes: ['INVALID_ID'] },
      { status: 403, codes: ['ONLY_PRINCIPAL_MAY_REVOKE'] },
      { status: 404, codes: ['POWER_NOT_FOUND'] },
      { status: 409, codes: ['POWER_ALREADY_REVOKED'] },
    ],
  })
  @UuidPathParameter('powerId', POWER_ID)
  revoke(
    @Param('powerId', uuidParam('powerId')) powerId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(
      new RevokePowerCommand(principal, powerId, parseBody(revokeRequest, body)),
    );
  }
}
