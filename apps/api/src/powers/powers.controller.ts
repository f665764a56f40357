import { Body, Controller, Get, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { powerOfAttorneyDecider, PROCEDURES } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../identity/auth.guard';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { metadataFor } from '../commands/command-context';
import { parseBody } from '../problem/parse-body';
import { ApiProblem } from '../problem/api-problem';
import { uuidParam } from '../problem/uuid-param';
import { ZodBody } from '../problem/zod-body.decorator';
import { streams } from '@expediente/infra/event-store/streams';
import { calendarDate, line, prose } from '@expediente/infra/validation/text';

const grantRequest = z.object({
  proxy: line(32),
  procedures: z.array(z.enum(PROCEDURES as unknown as [string, ...string[]])).min(1),
  validFrom: calendarDate,
  validUntil: calendarDate,
});
const revokeRequest = z.object({ reason: prose(2000).optional() });

/** Powers of attorney in their own streams: grant (principal), accept (proxy), revoke (principal). */
@ApiTags('powers of attorney')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('powers')
export class PowersController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
  ) {}

  @Post()
  @ZodBody(grantRequest)
  async grant(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const powerId = randomUUID();
    const data = { ...parseBody(grantRequest, body), powerId };
    await runCommand(this.store, powerOfAttorneyDecider, streams.power(powerId), {
      type: 'GrantPower',
      data,
      metadata: metadataFor(principal),
    } as never);
    res.status(201).setHeader('Location', `/powers/${powerId}`);
    return { powerId };
  }

  @Post(':powerId/acceptance')
  async accept(
    @Param('powerId', uuidParam('powerId')) powerId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    await runCommand(this.store, powerOfAttorneyDecider, streams.power(powerId), {
      type: 'AcceptPower',
      data: { powerId },
      metadata: metadataFor(principal),
    });
    return this.view(powerId, principal);
  }

  @Post(':powerId/revocation')
  @ZodBody(revokeRequest)
  async revoke(
    @Param('powerId', uuidParam('powerId')) powerId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    const data = { ...parseBody(revokeRequest, body), powerId };
    await runCommand(this.store, powerOfAttorneyDecider, streams.power(powerId), {
      type: 'RevokePower',
      data,
      metadata: metadataFor(principal),
    });
    return this.view(powerId, principal);
  }

  @Get(':powerId')
  async view(
    @Param('powerId', uuidParam('powerId')) powerId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { state } = await load(this.store, powerOfAttorneyDecider, streams.power(powerId));
    if (
      state.status === 'none' ||
      (state.terms.principal !== principal.subject && state.terms.proxy !== principal.subject)
    ) {
      throw new ApiProblem(
        404,
        'POWER_NOT_FOUND',
        'Power of attorney not found',
        `There is no power of attorney ${powerId} of yours.`,
      );
    }
    return { powerId, ...state };
  }

  /** Powers I granted or hold, from the read model. */
  @Get()
  mine(@CurrentPrincipal() principal: Principal) {
    return this.readModel.powersOf(principal.subject);
  }
}
