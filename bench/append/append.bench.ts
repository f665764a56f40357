/**
 * Append throughput: SqlEventStore.append (a batch per new stream, expectedVersion 'no-stream')
 * against the floor, one unnest INSERT of the same rows per transaction into a same-shaped table.
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
function rawAppender(client: SqlClient): (b: Batch) => Promise<void> {
  let next = 1;
  return async ({ stream, events: batchEvents }) => {
    const first = next;
    next += batchEvents.length;
    const recordedAt = new Date().toISOString();
    await client.transaction((tx) =>
      tx.query(rawInsert, [
        batchEvents.map((_, i) => first + i),
        batchEvents.map(() => stream),
        batchEvents.map((_, i) => i),
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

async function run(label: string, batches: readonly Batch[], append: (b: Batch) => Promise<void>) {
  const total = batches.reduce((n, b) => n + b.events.length, 0);
  const quarter = Math.floor(batches.length / 4);
  const { seconds } = await timed(async () => {
    for (const [i, b] of batches.entries()) {
      await append(b);
      if (quarter >= 25 && (i + 1) % quarter === 0 && i + 1 < batches.length) {
        log(`  ${label}: ${i + 1}/${batches.length} appends`);
      }
    }
  });
  const rate = perSecond(total, seconds);
  log(`${label}: ${total} events in ${round(seconds, 2)} s = ${rate} events/s`);
  return rate;
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
    await run('warm-up store', warmup, storeAppend);
    await run('warm-up raw', warmup, rawAppend);

    const storeEventsPerSec = await run('store', measured, storeAppend);
    const rawEventsPerSec = await run('raw', measured, rawAppend);
    return {
      bench: 'append',
      events,
      batch,
      storeEventsPerSec,
      rawEventsPerSec,
      ratio: round(storeEventsPerSec / rawEventsPerSec, 3),
      target: 0.5,
    };
  }),
);
