import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Authenticated } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { myPowers } from './list-my-powers.schema';
import { ListMyPowersQuery } from './list-my-powers.handler';

@ApiTags('powers of attorney')
@Authenticated()
@Controller('powers')
export class ListMyPowersController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'listMyPowers',
    summary: 'List the powers of attorney I granted or hold',
    description:
      'Every power you granted or were granted, latest start first, whatever its status. The list is a read model that follows the log: a power just granted appears within moments; `viewPower` reads its own stream.',
    response: myPowers,
    refusals: [],
  })
  mine(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListMyPowersQuery(principal));
  }
}
