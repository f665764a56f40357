/**
 * Rebuilding the citizen-status (case-status) projection on PostgreSQL: the whole shadow rebuild
 * (fill, indexes, catch-up, swap) of a log of real case events, against a raw keyset read of the
 * same rows in the same run — ratio = raw seconds / rebuild seconds (1 would mean the rebuild
 * costs no more than reading the log) — and the rebuild's peak RSS at a tenth of the log and at
 * the whole of it (memory must stay flat). BENCH_EVENTS (default 1000000) sets the size.
 * Run with --expose-gc for steadier RSS figures.
 */
import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import {
  EVENTS_PER_SYNTHETIC_CASE,
  insertSyntheticCases,
} from '@expediente/infra/event-store/event-store.synthetic';
import { caseStatusProjection } from '@expediente/infra/case-status/case-status.sql.writes';
import { ProjectionRunner } from '@expediente/infra/projections/projection-runner';
import { RebuildSummary } from '@expediente/infra/projections/read-model-runner';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { MIGRATIONS } from '@expediente/infra/storage/storage';
import { envInt, log, perSecond, round, runBench, timed, withBenchSchema, withPeakRss } from '../support';

const events = envInt('BENCH_EVENTS', 1_000_000);
const pageSize = 1000;
const casesFor = (n: number) => Math.ceil(n / EVENTS_PER_SYNTHETIC_CASE);

const rawSelect = `SELECT position, stream_id, stream_version, event_id, type, schema_version,
                          data, metadata, recorded_at, hash
                   FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

/** The baseline: every row of the log read once, by keyset pages, nothing done with it. */
async function readRaw(client: SqlClient): Promise<number> {
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await client.query<{ position: string }>(rawSelect, [after, pageSize]);
    count += rows.length;
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || last === undefined) return count;
    after = Number(last.position);
  }
}

async function rebuild(
  client: SqlClient,
  label: string,
): Promise<{ summary: RebuildSummary; seconds: number; peakRssMb: number }> {
  const runner = new ProjectionRunner(new SqlEventStore(client), client, caseStatusProjection);
  let reported = 0;
  const { result, peakRssMb } = await withPeakRss(() =>
    timed(() =>
      runner.rebuild({
        batchSize: pageSize,
        onProgress: (p) => {
          if (p.applied - reported >= 100_000) {
            reported = p.applied;
            log(`  ${label}: ${p.applied}/${p.total} events`);
          }
        },
      }),
    ),
  );
  const { result: summary, seconds } = result;
  log(
    `${label}: ${summary.events} events in ${round(seconds, 2)} s = ` +
      `${perSecond(summary.events, seconds)} events/s, peak RSS +${peakRssMb} MB`,
  );
  return { summary, seconds, peakRssMb };
}

async function countRows(client: SqlClient, table: string): Promise<number> {
  const [row] = await client.query<{ count: string }>(`SELECT count(*) FROM ${table}`);
  return Number(row?.count ?? 0);
}

runBench(() =>
  withBenchSchema('rebuild', async (client) => {
    await migrate(client, MIGRATIONS);
    const small = casesFor(events / 10);
    const all = casesFor(events);
    log(`loading ${small * EVENTS_PER_SYNTHETIC_CASE} events (${small} cases)`);
    await insertSyntheticCases(client, { cases: small });
    await client.query('VACUUM ANALYZE events');
    const tenth = await rebuild(client, 'rebuild of a tenth');

    log(`loading up to ${all * EVENTS_PER_SYNTHETIC_CASE} events (${all} cases)`);
    const { seconds: loadSeconds } = await timed(() =>
      insertSyntheticCases(client, { cases: all - small, first: small + 1 }),
    );
    await client.query('VACUUM ANALYZE events');
    log(`loaded in ${round(loadSeconds, 1)} s`);

    log('warm-up: one full raw pass (brings the table into cache)');
    await readRaw(client);
    const raw = await timed(() => readRaw(client));
    log(
      `raw keyset read: ${raw.result} events in ${round(raw.seconds, 2)} s = ${perSecond(raw.result, raw.seconds)} events/s`,
    );
    const whole = await rebuild(client, 'rebuild of the whole log');
    if (whole.summary.events !== raw.result) {
      throw new Error(`rebuild applied ${whole.summary.events} events, the log holds ${raw.result}`);
    }
    const cases = await countRows(client, 'case_status');
    if (cases !== all) throw new Error(`case_status holds ${cases} cases, expected ${all}`);

    return {
      bench: 'rebuild',
      projection: caseStatusProjection.name,
      events: raw.result,
      rawSeconds: round(raw.seconds, 2),
      rebuildSeconds: round(whole.seconds, 2),
      rawEventsPerSec: perSecond(raw.result, raw.seconds),
      rebuildEventsPerSec: perSecond(whole.summary.events, whole.seconds),
      ratio: round(raw.seconds / whole.seconds, 3),
      tenthEvents: tenth.summary.events,
      tenthPeakRssMb: tenth.peakRssMb,
      wholePeakRssMb: whole.peakRssMb,
      memoryRatio: round(whole.peakRssMb / Math.max(tenth.peakRssMb, 1), 2),
    };
  }),
);
