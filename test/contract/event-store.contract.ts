import { randomUUID } from 'node:crypto';
import {
  EventStore,
  NewEvent,
  StoredEvent,
  WrongExpectedVersion,
} from '@expediente/infra/event-store/event-store.port';
import { verifyChain } from '@expediente/infra/event-store/event-hash';
import { UpcasterRegistry } from '@expediente/infra/event-store/upcasters';
import { collect, eventually } from '../support/async';

export interface EventStoreHarness {
  readonly store: EventStore;
  /** Alters a stored event's data behind the store's back, as an attacker with database access would. */
  readonly tamper?: (stream: string, streamVersion: number) => Promise<void>;
  /**
   * Makes every append sleep a random time up to maxMs inside its transaction, after its events
   * have their positions, so commits land out of position order; resolves with the undo.
   */
  readonly slowCommits?: (maxMs: number) => Promise<() => Promise<void>>;
  teardown(): Promise<void>;
}

export type EventStoreFactory = (options: { upcasters: UpcasterRegistry }) => Promise<EventStoreHarness>;

const event = (type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'tester', correlationId: randomUUID() },
  ...extra,
});
const streamName = (prefix = 'case') => `${prefix}-${randomUUID()}`;

/**
 * What every event store adapter must do. Run by one *.int.spec.ts per adapter;
 * a suite whose server is unreachable skips with the reason printed.
 */
export function eventStoreContract(adapter: string, factory: EventStoreFactory): void {
  describe(`event store contract: ${adapter}`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    const upcasters = new UpcasterRegistry([
      {
        type: 'NameRecorded',
        fromVersion: 1,
        upcast: (data) => {
          const { name } = data as { name: string };
          const [given = '', ...rest] = name.split(' ');
          return { givenName: given, surname: rest.join(' ') };
        },
      },
    ]);

    beforeAll(async () => {
      harness = await factory({ upcasters });
      store = harness.store;
    });
    afterAll(async () => harness?.teardown());

    it('reads back what was appended, with the full envelope', async () => {
      const stream = streamName();
      const first = event('CaseFiled', { province: '08', nested: { b: 2, a: [1, 'x'] } });
      const second = event('CaseRouted', { unit: 'ICAM' }, { schemaVersion: 3 });
      const result = await store.append(stream, [first, second], { expectedVersion: 'no-stream' });
      expect(result.nextExpectedVersion).toBe(1);

      const read = await collect(store.readStream(stream));
      expect(read.map((e) => [e.id, e.type, e.streamVersion, e.schemaVersion])).toEqual([
        [first.id, 'CaseFiled', 0, 1],
        [second.id, 'CaseRouted', 1, 3],
      ]);
      expect(read[0]!.data).toEqual({ province: '08', nested: { b: 2, a: [1, 'x'] } });
      expect(read[0]!.metadata).toMatchObject({
        actor: 'tester',
        correlationId: first.metadata!.correlationId,
      });
      expect(read[0]!.stream).toBe(stream);
      expect(read[0]!.recordedAt).toBeInstanceOf(Date);
      expect(read[1]!.position).toBe(result.position);
      expect(read[0]!.position).toBeLessThan(read[1]!.position);
      expect(read[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.streamVersion(stream)).toBe(1);
    });

    it('reads a range of a stream, forwards and backwards', async () => {
      const stream = streamName();
      await store.append(
        stream,
        [0, 1, 2, 3, 4].map((n) => event('Counted', { n })),
        { expectedVersion: 'no-stream' },
      );
      const versions = (events: StoredEvent[]) => events.map((e) => e.streamVersion);
      expect(versions(await collect(store.readStream(stream, { fromVersion: 1, toVersion: 3 })))).toEqual([
        1, 2, 3,
      ]);
      expect(versions(await collect(store.readStream(stream, { backwards: true })))).toEqual([4, 3, 2, 1, 0]);
      expect(
        versions(await collect(store.readStream(stream, { backwards: true, fromVersion: 3, toVersion: 2 }))),
      ).toEqual([3, 2]);
    });

    it('treats a missing stream as empty, with no version', async () => {
      const stream = streamName('missing');
      expect(await collect(store.readStream(stream))).toEqual([]);
      expect(await store.streamVersion(stream)).toBeUndefined();
      await expect(store.append(stream, [event('X')], { expectedVersion: 0 })).rejects.toMatchObject({
        name: 'WrongExpectedVersion',
        actual: undefined,
      });
    });

    it('refuses an append at the wrong expected version, reporting the actual one', async () => {
      const stream = streamName();
      await store.append(stream, [event('A'), event('B')], { expectedVersion: 'no-stream' });
      const stale = store.append(stream, [event('C')], { expectedVersion: 0 });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersion);
      await expect(stale).rejects.toMatchObject({ stream, expected: 0, actual: 1 });
      await expect(
        store.append(stream, [event('C')], { expectedVersion: 'no-stream' }),
      ).rejects.toMatchObject({
        actual: 1,
      });
      await expect(store.append(stream, [event('C')], { expectedVersion: 1 })).resolves.toMatchObject({
        nextExpectedVersion: 2,
      });
      await expect(store.append(stream, [event('D')], { expectedVersion: 'any' })).resolves.toMatchObject({
        nextExpectedVersion: 3,
      });
    });

    it('lets exactly one of two concurrent appends at the same expected version win', async () => {
      const stream = streamName();
      await store.append(stream, [event('Opened')], { expectedVersion: 'no-stream' });
      const outcomes = await Promise.allSettled([
        store.append(stream, [event('Assigned', { to: 'ana' })], { expectedVersion: 0 }),
        store.append(stream, [event('Assigned', { to: 'luis' })], { expectedVersion: 0 }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(WrongExpectedVersion);
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('lets exactly one of two concurrent creations of a stream win', async () => {
      const stream = streamName();
      const outcomes = await Promise.allSettled([
        store.append(stream, [event('Filed')], { expectedVersion: 'no-stream' }),
        store.append(stream, [event('Filed')], { expectedVersion: 'no-stream' }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });

    it("lands every one of concurrent 'any' appends to one stream, in one unbroken chain", async () => {
      const stream = streamName();
      await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          store.append(stream, [event('Noted', { n })], { expectedVersion: 'any' }),
        ),
      );
      expect(await verifyChain(store.readStreamRaw(stream))).toEqual({ intact: true, events: 8 });
    });

    it('refuses an expected hash that is not the hash of the expected version', async () => {
      const stream = streamName();
      await store.append(stream, [event('Filed')], { expectedVersion: 'no-stream' });
      const [first] = await collect(store.readStream(stream));
      await expect(
        store.append(stream, [event('Routed')], { expectedVersion: 0, expectedHash: 'e'.repeat(64) }),
      ).rejects.toThrow(/expectedHash/);
      await store.append(stream, [event('Routed')], { expectedVersion: 0, expectedHash: first!.hash });
      await expect(
        store.append(stream, [event('Late')], { expectedVersion: 0, expectedHash: first!.hash }),
      ).rejects.toMatchObject({ name: 'WrongExpectedVersion', actual: 1 });
      expect(await verifyChain(store.readStreamRaw(stream))).toEqual({ intact: true, events: 2 });
    });

    it('treats a retried append of the same event ids as a no-op returning the original result', async () => {
      const stream = streamName();
      const events = [event('Filed'), event('Routed')];
      const original = await store.append(stream, events, { expectedVersion: 'no-stream' });
      const retried = await store.append(stream, events, { expectedVersion: 'no-stream' });
      expect(retried).toEqual(original);
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('reads the whole log in position order, from an exclusive position, in small batches', async () => {
      const before = await lastPosition(store);
      const streams = [streamName(), streamName(), streamName()];
      for (const [i, stream] of streams.entries()) {
        await store.append(stream, [event('A', { i }), event('B', { i })], { expectedVersion: 'no-stream' });
      }
      const all = await collect(store.readAll({ fromPosition: before, batchSize: 2 }));
      expect(all.map((e) => e.stream)).toEqual(streams.flatMap((s) => [s, s]));
      const positions = all.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(positions[0]).toBeGreaterThan(before);
      const tail = await collect(store.readAll({ fromPosition: positions[3] }));
      expect(tail.map((e) => e.position)).toEqual(positions.slice(4));
    });

    it('counts the events after a position, as a lagging subscriber is behind, up to a limit', async () => {
      const before = await lastPosition(store);
      expect(await store.countAfter(before, 100)).toBe(0);
      await store.append(streamName(), [event('A'), event('B'), event('C')], {
        expectedVersion: 'no-stream',
      });
      expect(await store.countAfter(before, 100)).toBe(3);
      expect(await store.countAfter(before, 2)).toBe(2);
      expect(await store.countAfter(await lastPosition(store), 100)).toBe(0);
    });

    it('catches a subscription up from a checkpoint, then delivers live appends', async () => {
      const stream = streamName();
      const checkpoint = await lastPosition(store);
      await store.append(stream, [event('Old', { n: 1 }), event('Old', { n: 2 })], {
        expectedVersion: 'no-stream',
      });
      const seen: StoredEvent[] = [];
      const subscription = store.subscribeToAll({ from: checkpoint, onEvent: (e) => void seen.push(e) });
      try {
        await eventually(() => seen.length >= 2, 'catch-up events');
        await store.append(stream, [event('New', { n: 3 })], { expectedVersion: 1 });
        await eventually(() => seen.some((e) => e.type === 'New'), 'live event');
        const mine = seen.filter((e) => e.stream === stream);
        expect(mine.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3]);
      } finally {
        await subscription.close();
      }
    });

    it('chains every event of a stream to the previous one by hash', async () => {
      const stream = streamName();
      await store.append(stream, [event('A', { v: 1 }), event('B')], { expectedVersion: 'no-stream' });
      await store.append(stream, [event('C', { when: '2026-11-23' })], { expectedVersion: 1 });
      expect(await verifyChain(store.readStreamRaw(stream))).toEqual({ intact: true, events: 3 });
      if (harness.tamper) {
        await harness.tamper(stream, 1);
        expect(await verifyChain(store.readStreamRaw(stream))).toMatchObject({ intact: false, brokenAt: 1 });
      }
    });

    it('upcasts events stored at an old schema version on read, leaving the stored form alone', async () => {
      const stream = streamName();
      await store.append(stream, [event('NameRecorded', { name: 'Ana María Puig' }, { schemaVersion: 1 })], {
        expectedVersion: 'no-stream',
      });
      const [upcast] = await collect(store.readStream(stream));
      expect(upcast).toMatchObject({ schemaVersion: 2, data: { givenName: 'Ana', surname: 'María Puig' } });
      const [raw] = await collect(store.readStreamRaw(stream));
      expect(raw).toMatchObject({ schemaVersion: 1, data: { name: 'Ana María Puig' } });
      const [fromLog] = await collect(store.readAll({ fromPosition: raw!.position - 1, batchSize: 1 }));
      expect(fromLog).toMatchObject({ schemaVersion: 2 });
    });

    it('delivers every event exactly once, in log order, while 32 writers commit out of order', async () => {
      const writers = 32;
      const appendsPerWriter = 10;
      const start = await lastPosition(store);
      const delivered: StoredEvent[] = [];
      const subscription = store.subscribeToAll({ from: start, onEvent: (e) => void delivered.push(e) });
      const undoSlowCommits = await harness.slowCommits?.(20);
      const appended: string[] = [];
      try {
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const stream = streamName(`writer${w}`);
            for (let i = 0; i < appendsPerWriter; i++) {
              const tick = event('Tick', { w, i });
              await store.append(stream, [tick], { expectedVersion: i === 0 ? 'no-stream' : i - 1 });
              appended.push(tick.id);
            }
          }),
        );
        await eventually(() => delivered.length >= appended.length, 'every event delivered', 15_000).catch(
          () => undefined,
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        const ids = delivered.map((e) => e.id);
        expect({ delivered: ids.length, distinct: new Set(ids).size }).toEqual({
          delivered: appended.length,
          distinct: appended.length,
        });
        expect([...ids].sort()).toEqual([...appended].sort());
        const log = await collect(store.readAll({ fromPosition: start }));
        expect(ids).toEqual(log.map((e) => e.id));
      } finally {
        await undoSlowCommits?.();
        await subscription.close();
      }
    });
  });
}

async function lastPosition(store: EventStore): Promise<number> {
  let last = 0;
  for await (const e of store.readAll({ fromPosition: 0, batchSize: 1000 })) last = e.position;
  return last;
}
