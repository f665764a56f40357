import { powerOfAttorneyDecider, type PowerOfAttorney } from '@expediente/domain';
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
