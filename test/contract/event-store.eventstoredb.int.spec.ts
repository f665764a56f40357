import { EventStoreDbEventStore } from '@expediente/infra/event-store/event-store.eventstoredb';
import { eventStoreContract } from './event-store.contract';

/** e.g. esdb://localhost:2113?tls=false — a server of its own or shared: streams are unique per test. */
const url = process.env.EVENTSTORE_URL;

if (!url) {
  console.warn(
    'EventStoreDB contract suite skipped: EVENTSTORE_URL is not set (no EventStoreDB server reachable on this machine)',
  );
}

// Skipped as a whole, the contract's hooks never run, so the factory never connects.
(url ? describe : describe.skip)('EventStoreDB adapter', () => {
  eventStoreContract('EventStoreDB', async ({ upcasters }) => {
    const store = EventStoreDbEventStore.connect(url!, { upcasters });
    await store.ping();
    // No tamper hook: ESDB events are immutable, so nobody can alter one behind the store's back.
    return { store, teardown: () => store.close() };
  });
});
