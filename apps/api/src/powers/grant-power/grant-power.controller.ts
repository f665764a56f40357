import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Authenticated } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { Operation } from '../../openapi/operation.decorator';
import { grantRequest, grantResponse } from './grant-power.schema';
import { GrantPowerCommand } from './grant-power.handler';

@ApiTags('powers of attorney')
@Authenticated()
@Controller('powers')
export class GrantPowerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Operation({
    operationId: 'grantPower',
    summary: 'Grant a power of attorney',
    description:
      'You (the principal) let the proxy act for you in the procedures named, from `validFrom` to `validUntil` (Madrid days, both included). It applies once the proxy accepts it, until you revoke it; powers dated before 2 April 2021 are void (Order ISM/189/2021). The new power is at the `Location` given.',
    status: 201,
    request: grantRequest,
    response: grantResponse,
    refusals: [
      {
        status: 422,
        codes: [
          'INVALID_IDENTITY_NUMBER',
          'POWER_TO_SELF',
          'POWER_PERIOD_INVALID',
          'POWER_VOID_BEFORE_2021_04_02',
        ],
      },
    ],
  })
  async grant(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const granted = await this.commandBus.execute(
      new GrantPowerCommand(principal, parseBody(grantRequest, body)),
    );
    res.setHeader('Location', `/powers/${granted.powerId}`);
    return granted;
  }
}
