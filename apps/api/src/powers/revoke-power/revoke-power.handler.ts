import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { powerOfAttorneyDecider, type RevokePower } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { VisiblePowers } from '../powers.shared';
import type { PowerView } from '../view-power/view-power.schema';
import type { RevokeRequest } from './revoke-power.schema';

export class RevokePowerCommand extends Command<PowerView> {
  constructor(
    readonly principal: Principal,
    readonly powerId: string,
    readonly request: RevokeRequest,
  ) {
    super();
  }
}

@CommandHandler(RevokePowerCommand)
export class RevokePowerHandler implements ICommandHandler<RevokePowerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly powers: VisiblePowers,
  ) {}

  async execute({ principal, powerId, request }: RevokePowerCommand): Promise<PowerView> {
    const command: RevokePower = {
      type: 'RevokePower',
      data: { ...request, powerId },
      metadata: metadataFor(principal),
    };
    await runCommand(this.store, powerOfAttorneyDecider, streams.power(powerId), command);
    return this.powers.view(principal, powerId);
  }
}
