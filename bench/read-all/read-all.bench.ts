/**
 * readAll throughput and memory: SqlEventStore.readAll({ batchSize: 1000 }) over the whole log
 * against a raw keyset SELECT loop over the same table, same page size, same columns.
 * BENCH_EVENTS (default 1000000) and BENCH_ROUNDS (default 3, alternating) override the sizes.
 * Run with --expose-gc for steadier RSS figures.
 */
import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import { eventStoreMigrations } from '@expediente/infra/event-store/event-store.migrations';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { envInt, log, perSecond, round, runBench, timed, withBenchSchema, withPeakRss } from '../support';

const events = envInt('BENCH_EVENTS', 1_000_000);
const rounds = envInt('BENCH_ROUNDS', 3);
const pageSize = 1000;
const perStream = 100;
const loadChunk = 100_000;

/** Valid-looking rows straight from SQL; hashes are placeholders (reading does not check them). */
async function load(client: SqlClient): Promise<void> {
  for (let from = 1; from <= events; from += loadChunk) {
    const to = Math.min(from + loadChunk - 1, events);
    await client.query(
      `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version,
                           data, metadata, recorded_at, hash)
       SELECT g, 'case-' || (g - 1) / $3, (g - 1) % $3, gen_random_uuid(),
              (ARRAY['CaseOpened', 'DocumentAttached', 'CaseNoteAdded', 'ResolutionIssued'])[1 + g % 4], 1,
              jsonb_build_object('caseId', 'case-' || (g - 1) / $3, 'seq', g, 'kind', 'benefit-claim',
                'applicant', jsonb_build_object('nif', lpad((g % 100000000)::text, 8, '0') || 'Z',
                                                'name', 'María García López'),
                'amountCents', (g * 7919) % 500000,
                'note', 'Documentación aportada por la persona interesada en la sede electrónica'),
              jsonb_build_object('actor', 'user-' || g % 50, 'role', 'caseworker',
                'levelOfAssurance', 'substantial', 'correlationId', gen_random_uuid()),
              timestamptz '2025-01-01' + g * interval '1 second',
              encode(sha256(g::text::bytea), 'hex')
       FROM generate_series($1::bigint, $2::bigint) AS g`,
      [from, to, perStream],
    );
    log(`  loaded ${to}/${events} events`);
  }
  // Sets hint bits and statistics now, so neither timed phase pays for them.
  await client.query('VACUUM ANALYZE events');
}

/** Both readers feed every event through this: count it and read its data. */
class Tally {
  count = 0;
  checksum = 0;
  touch(position: number, data: unknown): void {
    this.count += 1;
    this.checksum += position + ((data as { seq?: number } | null)?.seq ?? 0);
  }
}

async function readStore(store: SqlEventStore): Promise<Tally> {
  const tally = new Tally();
  for await (const event of store.readAll({ batchSize: pageSize })) tally.touch(event.position, event.data);
  return tally;
}

const rawSelect = `SELECT position, stream_id, stream_version, event_id, type, schema_version,
                          data, metadata, recorded_at, hash
                   FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

async function readRaw(client: SqlClient): Promise<Tally> {
  const tally = new Tally();
  let after = 0;
  for (;;) {
    const rows = await client.query<{ position: string; data: unknown }>(rawSelect, [after, pageSize]);
    for (const row of rows) tally.touch(Number(row.position), row.data);
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || last === undefined) return tally;
    after = Number(last.position);
  }
}

interface Run {
  readonly rate: number;
  readonly peakRssMb: number;
  readonly checksum: number;
}

async function measure(label: string, read: () => Promise<Tally>): Promise<Run> {
  const { result, peakRssMb } = await withPeakRss(() => timed(read));
  const { result: tally, seconds } = result;
  if (tally.count !== events) throw new Error(`${label} read ${tally.count} events, expected ${events}`);
  const rate = perSecond(tally.count, seconds);
  log(
    `${label}: ${tally.count} events in ${round(seconds, 2)} s = ${rate} events/s, peak RSS +${peakRssMb} MB`,
  );
  return { rate, peakRssMb, checksum: tally.checksum };
}

/** The fastest round's rate; the highest peak RSS of any round. */
function best(runs: readonly Run[]): Pick<Run, 'rate' | 'peakRssMb'> {
  return {
    rate: Math.max(...runs.map((run) => run.rate)),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
  };
}

runBench(() =>
  withBenchSchema('read_all', async (client) => {
    await migrate(client, eventStoreMigrations);
    log(`loading ${events} events (${perStream} per stream)`);
    const { seconds } = await timed(() => load(client));
    log(`loaded in ${round(seconds, 1)} s`);

    const store = new SqlEventStore(client);
    log('warm-up: one full raw pass (brings the table into cache)');
    await readRaw(client);

    // Rounds alternate so drift hits both paths alike; the best round of each counts.
    const storeRuns: Run[] = [];
    const rawRuns: Run[] = [];
    for (let r = 1; r <= rounds; r += 1) {
      storeRuns.push(await measure(`store #${r}`, () => readStore(store)));
      rawRuns.push(await measure(`raw #${r}`, () => readRaw(client)));
    }
    const checksums = new Set([...storeRuns, ...rawRuns].map((run) => run.checksum));
    if (checksums.size !== 1) throw new Error('store and raw read different data');
    const storeRun = best(storeRuns);
    const rawRun = best(rawRuns);
    return {
      bench: 'read-all',
      events,
      storeEventsPerSec: storeRun.rate,
      rawEventsPerSec: rawRun.rate,
      ratio: round(storeRun.rate / rawRun.rate, 3),
      storePeakRssMb: storeRun.peakRssMb,
      rawPeakRssMb: rawRun.peakRssMb,
    };
  }),
);
