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
