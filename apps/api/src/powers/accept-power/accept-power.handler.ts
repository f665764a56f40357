import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { powerOfAttorneyDecider, type AcceptPower } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { VisiblePowers } from '../powers.shared';
import type { PowerView } from '../view-power/view-power.schema';

export class AcceptPowerCommand extends Command<PowerView> {
  constructor(
    readonly principal: Principal,
    readonly powerId: string,
  ) {
    super();
  }
}

@CommandHandler(AcceptPowerCommand)
export class AcceptPowerHandler implements ICommandHandler<AcceptPowerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly powers: VisiblePowers,
  ) {}

  async execute({ principal, powerId }: AcceptPowerCommand): Promise<PowerView> {
    const command: AcceptPower = { type: 'AcceptPower', data: { powerId }, metadata: metadataFor(principal) };
    await runCommand(this.store, powerOfAttorneyDecider, streams.power(powerId), command);
    return this.powers.view(principal, powerId);
  }
}
