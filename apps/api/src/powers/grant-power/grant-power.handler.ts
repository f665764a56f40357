import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { powerOfAttorneyDecider, type GrantPower } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import type { GrantRequest, GrantResponse } from './grant-power.schema';

export class GrantPowerCommand extends Command<GrantResponse> {
  constructor(
    readonly principal: Principal,
    readonly request: GrantRequest,
  ) {
    super();
  }
}

/** The principal is whoever is logged in: nobody grants a power in someone else's name. */
@CommandHandler(GrantPowerCommand)
export class GrantPowerHandler implements ICommandHandler<GrantPowerCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, request }: GrantPowerCommand): Promise<GrantResponse> {
    const powerId = randomUUID();
    const command: GrantPower = {
      type: 'GrantPower',
      data: { ...request, powerId },
      metadata: metadataFor(principal),
    };
    await runCommand(this.store, powerOfAttorneyDecider, streams.power(powerId), command);
    return { powerId };
  }
}
