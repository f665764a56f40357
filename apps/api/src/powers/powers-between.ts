import {
  powerCovers,
  powerOfAttorneyDecider,
  type PowerOfAttorney,
  type Procedure,
} from '@expediente/domain';
import type { EventStore } from '@expediente/infra/event-store/event-store.port';
import type { CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { load } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';

/** Every power `principal` granted `proxy`: found through the read model, judged on its own stream (the source of truth). */
export async function powersBetween(
  store: EventStore,
  readModel: CaseStatusReadModel,
  principal: string,
  proxy: string,
): Promise<PowerOfAttorney[]> {
  const powerIds = await readModel.powerIdsBetween(principal, proxy);
  return Promise.all(
    powerIds.map(
      async (powerId) => (await load(store, powerOfAttorneyDecider, streams.power(powerId))).state,
    ),
  );
}

/**
 * Everyone whose `procedure` `proxy` may act in at instant `on`: candidates from the read model,
 * each judged by the domain's power rule on the power's own stream.
 */
export async function principalsRepresentedBy(
  store: EventStore,
  readModel: CaseStatusReadModel,
  proxy: string,
  procedure: Procedure,
  on: Date,
): Promise<string[]> {
  const held = (await readModel.powersOf(proxy)).filter((power) => power.proxy === proxy);
  const judged = await Promise.all(
    held.map(async ({ powerId, principal }) => {
      const { state } = await load(store, powerOfAttorneyDecider, streams.power(powerId));
      return powerCovers(state, { principal, proxy, procedure, on }).inForce ? principal : undefined;
    }),
  );
  return [...new Set(judged.filter((principal) => principal !== undefined))];
}

/** The principal's name as they gave it when granting one of these powers (the grant's actor), if recorded. */
export async function principalNameOn(
  store: EventStore,
  powers: readonly PowerOfAttorney[],
): Promise<string | undefined> {
  for (const power of powers) {
    if (power.status === 'none') continue;
    for await (const event of store.readStream(streams.power(power.terms.powerId))) {
      if (event.type === 'PowerGranted' && typeof event.metadata.actorName === 'string') {
        return event.metadata.actorName;
      }
    }
  }
  return undefined;
}
