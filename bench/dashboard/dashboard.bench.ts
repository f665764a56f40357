/**
 * Dashboard queries at scale: the review-queue read model's dashboard counts and case-list pages
 * for one unit of 10,000 cases, timed first with that unit alone in the table (the baseline) and
 * again after 990,000 cases of 99 other units are added. A ratio near 1 means the queries scale
 * with the unit, through its indexes, not with the table. BENCH_REPS (default 200) repetitions,
 * median per query.
 */
import { performance } from 'node:perf_hooks';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { reviewQueueMigrations } from '@expediente/infra/review-queue/review-queue.migrations';
import { projectionMigrations } from '@expediente/infra/projections/projection.migrations';
import { insertSyntheticQueue } from '@expediente/infra/review-queue/review-queue.synthetic';
import { OPEN_STATUSES } from '@expediente/infra/review-queue/review-queue.row';
import {
  QUEUE_QUERIES,
  ReviewQueue,
  queuePageQuery,
  decodeQueueCursor,
} from '@expediente/infra/review-queue/review-queue';
import { envInt, log, round, runBench, timed, withBenchSchema } from '../support';

const unitSize = envInt('BENCH_UNIT_CASES', 10_000);
const total = envInt('BENCH_CASES', 1_000_000);
const reps = envInt('BENCH_REPS', 200);
const otherUnits = 99;
const chunk = 100_000;
const unit = 'INSS-28';
const me = 'R00000003';
const now = new Date('2026-11-23T12:00:00Z');
const today = '2026-11-23';
const day = 24 * 60 * 60 * 1000;

type Timings = Record<string, number>;

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Each dashboard query alone, a first page, a page after a cursor, and the whole dashboard (in parallel, as the API runs it). */
async function measure(client: SqlClient, label: string): Promise<Timings> {
  const queue = new ReviewQueue(client);
  const first = await queue.cases(unit, {}, { limit: 50 }, now);
  const cursor = decodeQueueCursor(first.next!)!;
  const page = queuePageQuery(unit, {}, undefined, today, 50);
  const later = queuePageQuery(unit, {}, cursor, today, 50);
  const byStatus = queuePageQuery(unit, { status: 'assigned' }, cursor, today, 50);
  const ago = (days: number) => new Date(now.getTime() - days * day);
  const queries: Record<string, [string, readonly unknown[]]> = {
    unassigned: [QUEUE_QUERIES.unassigned, [unit]],
    awaitingCitizen: [QUEUE_QUERIES.awaitingCitizen, [unit]],
    mine: [QUEUE_QUERIES.mine, [unit, me, ['assigned', 'awaiting-citizen', 'evaluated']]],
    overdue: [QUEUE_QUERIES.overdue, [unit, today]],
    ageing: [QUEUE_QUERIES.ageing, [unit, OPEN_STATUSES, ago(8), ago(31), ago(91)]],
    resolvedPerWeek: [QUEUE_QUERIES.resolvedPerWeek, [unit, ago(84)]],
    firstPage: [page.text, page.params],
    cursorPage: [later.text, later.params],
    cursorPageByStatus: [byStatus.text, byStatus.params],
  };
  const timings: Timings = {};
  for (const [name, [text, params]] of Object.entries(queries)) {
    timings[name] = await median(() => client.query(text, params));
  }
  timings.dashboard = await median(() => queue.dashboard(unit, me, now));
  log(
    `${label}: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${round(v, 3)} ms`)
      .join(', ')}`,
  );
  return timings;
}

const sum = (timings: Timings) => Object.values(timings).reduce((a, b) => a + b, 0);

runBench(() =>
  withBenchSchema('dashboard', async (client) => {
    await migrate(client, [...projectionMigrations, ...reviewQueueMigrations]);
    await insertSyntheticQueue(client, { from: 1, count: unitSize, units: [unit], now });
    await client.query('VACUUM ANALYZE review_queue');
    log(`baseline: ${unitSize} cases, all in ${unit}`);
    const baseline = await measure(client, `${unitSize} rows`);

    const units = Array.from({ length: otherUnits }, (_, i) => `UNIT-${String(i + 1).padStart(3, '0')}`);
    const { seconds } = await timed(async () => {
      for (let from = unitSize + 1; from <= total; from += chunk) {
        const count = Math.min(chunk, total - from + 1);
        await insertSyntheticQueue(client, { from, count, units, now });
        log(`  loaded ${from + count - 1}/${total} cases`);
      }
      await client.query('VACUUM ANALYZE review_queue');
    });
    log(`loaded in ${round(seconds, 1)} s`);
    const [{ n }] = (await client.query<{ n: string }>('SELECT count(*) AS n FROM review_queue')) as [
      { n: string },
    ];
    const full = await measure(client, `${n} rows`);

    const ratios = Object.fromEntries(Object.keys(full).map((k) => [k, round(full[k]! / baseline[k]!, 2)]));
    return {
      bench: 'dashboard',
      cases: Number(n),
      unitCases: unitSize,
      reps,
      baselineMs: Object.fromEntries(Object.entries(baseline).map(([k, v]) => [k, round(v, 3)])),
      fullMs: Object.fromEntries(Object.entries(full).map(([k, v]) => [k, round(v, 3)])),
      ratios,
      maxRatio: Math.max(...Object.values(ratios)),
      ratio: round(sum(full) / sum(baseline), 3),
    };
  }),
);
