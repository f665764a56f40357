import { Inject, Injectable } from '@nestjs/common';
import { powerMustBeVisibleTo, powerOfAttorneyDecider } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import type { PowerView } from './view-power/view-power.schema';

export const POWER_ID = 'The power of attorney, as `grantPower` or `listMyPowers` gave it.';

/** A power as its own stream tells it, to its principal or its proxy only (the domain's rule). */
@Injectable()
export class VisiblePowers {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async view(principal: Principal, powerId: string): Promise<PowerView> {
    const { state } = await load(this.store, powerOfAttorneyDecider, streams.power(powerId));
    return { powerId, ...powerMustBeVisibleTo(principal.subject, state, powerId) };
  }
}
