/**
 * Append throughput as commands make it: one-event appends from 1, 8 and 32 concurrent writers,
 * first creating a stream each ('no-stream'), then onto each of those at its expected version
 * (with the hash the writer read). The floor, in the same run and on the same rows: an autocommit
 * INSERT into a same-shaped table keyed by a bigserial. `ratio` is the lowest store ÷ raw figure.
 * Then the subscription's catch-up rate over the whole log while 32 writers keep appending.
 * BENCH_EVENTS (default 6000) sets the appends per writer count, phase and side.
 */
import { randomUUID } from 'node:crypto';
import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import { eventStoreMigrations } from '@expediente/infra/event-store/event-store.migrations';
import { NewEvent } from '@expediente/infra/event-store/event-store.port';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { createPostgresClient } from '@expediente/infra/sql/sql-client.postgres';
import { databaseUrl, envInt, log, perSecond, round, runBench, timed, withBenchSchema } from '../support';

const events = envInt('BENCH_EVENTS', 6000);
const writerCounts = [1, 8, 32] as const;
const rounds = 12;
const types = ['CaseOpened', 'DocumentAttached', 'CaseNoteAdded', 'ResolutionIssued'] as const;

interface Append {
  readonly stream: string;
  readonly version: number;
  readonly event: NewEvent;
}

type Side = (append: Append) => Promise<unknown>;

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

/** Prepared up front: store and raw write the very same payloads. */
function makeAppends(streams: readonly string[], version: number): Append[] {
  return streams.map((stream, seq) => ({ stream, version, event: makeEvent(stream, seq) }));
}

const rawInsert = `
  INSERT INTO raw_events (stream_id, stream_version, event_id, type, schema_version, data, metadata,
                          recorded_at, hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const placeholderHash = 'f'.repeat(64);

/** Prepared like the store's own statement, so neither side pays for parsing and planning. */
function rawSide(client: SqlClient): Side {
  return ({ stream, version, event }) =>
    client.query(
      rawInsert,
      [
        stream,
        version,
        event.id,
        event.type,
        event.schemaVersion ?? 1,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata ?? {}),
        new Date().toISOString(),
        placeholderHash,
      ],
      'bench_raw_insert',
    );
}

/** Seconds for `writers` concurrent loops to drain the appends, each awaiting its own. */
async function drain(appends: readonly Append[], side: Side, writers: number): Promise<number> {
  let next = 0;
  const { seconds } = await timed(() =>
    Promise.all(
      Array.from({ length: writers }, async () => {
        while (next < appends.length) await side(appends[next++]!);
      }),
    ),
  );
  return seconds;
}

/**
 * Store and raw take turns over slices, so a change in the machine's load weighs on both alike;
 * the ratio is the median of the rounds' ratios, so one burst of someone else's load on one side
 * of one round moves it no more than any other round.
 */
async function alternate(
  label: string,
  appends: readonly Append[],
  sides: Record<'store' | 'raw', Side>,
  writers: number,
): Promise<{ store: number; raw: number; ratio: number }> {
  const seconds = { store: 0, raw: 0 };
  const ratios: number[] = [];
  const slice = Math.ceil(appends.length / rounds);
  for (let r = 0; r < rounds; r++) {
    const part = appends.slice(r * slice, (r + 1) * slice);
    const order = r % 2 === 0 ? (['store', 'raw'] as const) : (['raw', 'store'] as const);
    const took = { store: 0, raw: 0 };
    for (const side of order) took[side] = await drain(part, sides[side], writers);
    seconds.store += took.store;
    seconds.raw += took.raw;
    ratios.push(took.raw / took.store);
  }
  const store = perSecond(appends.length, seconds.store);
  const raw = perSecond(appends.length, seconds.raw);
  const ratio = round(median(ratios), 3);
  log(
    `${writers} writers, ${label}: store ${store} events/s, raw ${raw} events/s, ratio ${ratio} ` +
      `(rounds ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}, totals ${round(store / raw, 3)})`,
  );
  return { store, raw, ratio };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A subscription from the start of the log while 32 writers append: the rate at which it
 * delivers until it first catches up with them, against the writers' rate over the same time.
 */
async function catchUp(store: SqlEventStore, client: SqlClient, streams: readonly string[]) {
  const [{ n } = { n: '0' }] = await client.query<{ n: string }>('SELECT count(*) AS n FROM events');
  const backlog = Number(n);
  const appends = makeAppends(streams, -1);
  let completed = 0;
  let delivered = 0;
  let caughtUpAt: number | undefined;
  const started = performance.now();
  const subscription = store.subscribeToAll({
    onEvent: () => {
      delivered += 1;
      if (caughtUpAt === undefined && delivered >= backlog + completed) caughtUpAt = performance.now();
    },
  });
  const writersSeconds = await drain(
    appends,
    async ({ stream, event }) => {
      await store.append(stream, [event], { expectedVersion: 'no-stream' });
      completed += 1;
    },
    32,
  );
  const seconds = ((caughtUpAt ?? performance.now()) - started) / 1000;
  const deliveredThen = delivered;
  await subscription.close();
  const subscriptionEventsPerSec = perSecond(deliveredThen, seconds);
  const appendEventsPerSec = perSecond(appends.length, writersSeconds);
  const ratio = round(subscriptionEventsPerSec / appendEventsPerSec, 2);
  log(
    `catch-up from 0 over ${backlog} events under 32 writers: ${caughtUpAt ? 'caught up' : 'NOT caught up'} ` +
      `after ${round(seconds, 2)} s, ${subscriptionEventsPerSec} events/s delivered vs ${appendEventsPerSec} ` +
      `appended/s, ratio ${ratio}`,
  );
  return { backlog, caughtUp: caughtUpAt !== undefined, subscriptionEventsPerSec, appendEventsPerSec, ratio };
}

runBench(() =>
  withBenchSchema('append', async (setup) => {
    await migrate(setup, eventStoreMigrations);
    await setup.query(`CREATE TABLE raw_events (LIKE events INCLUDING ALL)`);
    await setup.query(`CREATE SEQUENCE raw_events_position_seq OWNED BY raw_events.position`);
    await setup.query(`ALTER TABLE raw_events ALTER position SET DEFAULT nextval('raw_events_position_seq')`);
    const [{ schema } = { schema: 'public' }] = await setup.query<{ schema: string }>(
      'SELECT current_schema() AS schema',
    );
    // A connection per writer, plus the subscription's reads, its LISTEN and the store's NOTIFY.
    const client = await createPostgresClient({ connectionString: databaseUrl, schema, maxConnections: 40 });
    const store = new SqlEventStore(client);
    try {
      const raw = rawSide(client);
      const heads = new Map<string, string>();
      const sides = (phase: 'new' | 'existing'): Record<'store' | 'raw', Side> => ({
        raw,
        store: ({ stream, version, event }) =>
          phase === 'new'
            ? store.append(stream, [event], { expectedVersion: 'no-stream' })
            : store.append(stream, [event], {
                expectedVersion: version - 1,
                expectedHash: heads.get(stream)!,
              }),
      });

      log('warm-up');
      const warmupStreams = Array.from({ length: 1000 }, (_, i) => `warmup-${i}`);
      await alternate('warm-up', makeAppends(warmupStreams, 0), sides('new'), 8);

      log(`measuring ${events} one-event appends per writer count, phase and side, in ${rounds} rounds`);
      const table = [];
      for (const writers of writerCounts) {
        const streams = Array.from({ length: events }, (_, i) => `case-${writers}-${i}`);
        const created = await alternate('new streams', makeAppends(streams, 0), sides('new'), writers);
        const firstEvents = await client.query<{ stream_id: string; hash: string }>(
          'SELECT stream_id, hash FROM events WHERE stream_id LIKE $1 AND stream_version = 0',
          [`case-${writers}-%`],
        );
        for (const row of firstEvents) heads.set(row.stream_id, row.hash);
        const continued = await alternate(
          'existing streams',
          makeAppends(streams, 1),
          sides('existing'),
          writers,
        );
        table.push({ writers, newStreams: created, existingStreams: continued });
      }

      const loadStreams = Array.from({ length: 3 * events }, (_, i) => `load-${i}`);
      const subscription = await catchUp(store, client, loadStreams);
      const ratio = Math.min(...table.flatMap((row) => [row.newStreams.ratio, row.existingStreams.ratio]));
      return {
        bench: 'append',
        eventsPerPhase: events,
        table,
        subscription,
        // The lowest of the six, so the headline figure never flatters.
        ratio,
        target: 0.6,
        subscriptionRatio: subscription.ratio,
        subscriptionTarget: 2,
      };
    } finally {
      await store.close();
    }
  }),
);
