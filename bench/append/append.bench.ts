/**
 * Append throughput: SqlEventStore.append against the floor, one unnest INSERT of the same rows
 * per transaction into a same-shaped table. Twice: a batch creating each stream ('no-stream'),
 * then a batch onto each existing stream at its expected version; `ratio` is the lower of the two.
 * BENCH_EVENTS (default 100000) and BENCH_BATCH (default 100) override the sizes.
 */
import { randomUUID } from 'node:crypto';
import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import { eventStoreMigrations } from '@expediente/infra/event-store/event-store.migrations';
import { NewEvent } from '@expediente/infra/event-store/event-store.port';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { envInt, log, perSecond, round, runBench, timed, withBenchSchema } from '../support';

const events = envInt('BENCH_EVENTS', 100_000);
const batch = envInt('BENCH_BATCH', 100);
const warmupEvents = 10 * batch;
const types = ['CaseOpened', 'DocumentAttached', 'CaseNoteAdded', 'ResolutionIssued'] as const;

interface Batch {
  readonly stream: string;
  readonly events: readonly NewEvent[];
}

/** Prepared up front and shared by both paths, so both write the very same payloads. */
function makeBatches(prefix: string, count: number): Batch[] {
  const batches: Batch[] = [];
  for (let first = 0; first < count; first += batch) {
    const stream = `${prefix}-${batches.length}`;
    const size = Math.min(batch, count - first);
    batches.push({ stream, events: Array.from({ length: size }, (_, v) => makeEvent(stream, first + v)) });
  }
  return batches;
}

function makeEvent(stream: string, seq: number): NewEvent {
  return {
    id: randomUUID(),
    type: types[seq % types.length] ?? 'CaseNoteAdded',
    data: {
      caseId: stream,
      seq,
      kind: 'benefit-claim',
      applicant: { nif: `${String(seq % 100_000_000).padStart(8, '0')}Z`, name: 'María García López' },
      amountCents: (seq * 7919) % 500_000,
      note: 'Documentación aportada por la persona interesada en la sede electrónica',
    },
    metadata: {
      actor: `user-${seq % 50}`,
      role: 'caseworker',
      levelOfAssurance: 'substantial',
      correlationId: randomUUID(),
    },
  };
}

const rawInsert = `
  INSERT INTO raw_events (position, stream_id, stream_version, event_id, type, schema_version,
                          data, metadata, recorded_at, hash)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[],
                       $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::text[])`;
const placeholderHash = 'f'.repeat(64);

/** The floor: what the database charges for the rows alone (positions counted here, no hashing). */
function rawAppender(client: SqlClient, firstVersion = 0, firstPosition = 1): (b: Batch) => Promise<void> {
  let next = firstPosition;
  return async ({ stream, events: batchEvents }) => {
    const first = next;
    next += batchEvents.length;
    const recordedAt = new Date().toISOString();
    await client.transaction((tx) =>
      tx.query(rawInsert, [
        batchEvents.map((_, i) => first + i),
        batchEvents.map(() => stream),
        batchEvents.map((_, i) => firstVersion + i),
        batchEvents.map((e) => e.id),
        batchEvents.map((e) => e.type),
        batchEvents.map((e) => e.schemaVersion ?? 1),
        batchEvents.map((e) => JSON.stringify(e.data)),
        batchEvents.map((e) => JSON.stringify(e.metadata ?? {})),
        batchEvents.map(() => recordedAt),
        batchEvents.map(() => placeholderHash),
      ]),
    );
  };
}

/** Seconds spent appending the batches, one after another. */
async function timeAppends(batches: readonly Batch[], append: (b: Batch) => Promise<void>): Promise<number> {
  const { seconds } = await timed(async () => {
    for (const b of batches) await append(b);
  });
  return seconds;
}

/**
 * Store and raw take turns over slices of the workload, so a change in the machine's load
 * during the run (two cores, other processes) weighs on both sides alike.
 */
async function alternate(
  batches: readonly Batch[],
  sides: Record<'store' | 'raw', (b: Batch) => Promise<void>>,
  rounds = 10,
): Promise<Record<'store' | 'raw', number>> {
  const seconds = { store: 0, raw: 0 };
  const slice = Math.ceil(batches.length / rounds);
  for (let r = 0; r < rounds; r++) {
    const part = batches.slice(r * slice, (r + 1) * slice);
    const order = r % 2 === 0 ? (['store', 'raw'] as const) : (['raw', 'store'] as const);
    for (const side of order) seconds[side] += await timeAppends(part, sides[side]);
  }
  const total = batches.reduce((n, b) => n + b.events.length, 0);
  for (const side of ['store', 'raw'] as const) {
    log(
      `${side}: ${total} events in ${round(seconds[side], 2)} s = ${perSecond(total, seconds[side])} events/s`,
    );
  }
  return { store: perSecond(total, seconds.store), raw: perSecond(total, seconds.raw) };
}

runBench(() =>
  withBenchSchema('append', async (client) => {
    await migrate(client, eventStoreMigrations);
    await client.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
    const store = new SqlEventStore(client);
    const storeAppend = async ({ stream, events: batchEvents }: Batch) => {
      await store.append(stream, batchEvents, { expectedVersion: 'no-stream' });
    };
    const rawAppend = rawAppender(client);

    log(`preparing ${events} events in batches of ${batch} (plus ${warmupEvents} for warm-up)`);
    const warmup = makeBatches('warmup', warmupEvents);
    const measured = makeBatches('case', events);

    log('warm-up');
    await timeAppends(warmup, storeAppend);
    await timeAppends(warmup, rawAppend);

    log('measuring, store and raw alternating in 10 rounds');
    const created = await alternate(measured, { store: storeAppend, raw: rawAppend });

    // Then a second batch onto each of those streams at its expected version: the path that
    // reads the stream's head under a row lock to continue its hash chain.
    log('measuring appends to existing streams, alternating in 10 rounds');
    const continued = makeBatches('case', events);
    const storeContinue = async ({ stream, events: batchEvents }: Batch) => {
      await store.append(stream, batchEvents, { expectedVersion: batch - 1 });
    };
    const existing = await alternate(continued, {
      store: storeContinue,
      raw: rawAppender(client, batch, 1_000_000_000),
    });
    const ratios = {
      newStreams: round(created.store / created.raw, 3),
      existingStreams: round(existing.store / existing.raw, 3),
    };
    const [storeEventsPerSec, rawEventsPerSec] = [created.store, created.raw];
    return {
      bench: 'append',
      events,
      batch,
      storeEventsPerSec,
      rawEventsPerSec,
      existingStreamsStoreEventsPerSec: existing.store,
      existingStreamsRawEventsPerSec: existing.raw,
      ratios,
      // The lower of the two, so the headline figure never flatters.
      ratio: Math.min(ratios.newStreams, ratios.existingStreams),
      target: 0.5,
    };
  }),
);
