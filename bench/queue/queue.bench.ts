/**
 * The unit queue page at scale: a supervisor of INSS-28 loads the first page of the queue,
 * filters applied, as HTML, through the back office (which asks the API, which reads the
 * review-queue read model). Three systems in this run, each with API and back office on a
 * PostgreSQL schema of its own: the unit holding 1,000,000 cases, the unit holding 10,000,
 * and the same page with no case at all (the bare layout: session, API round trip, render).
 * BENCH_CONCURRENCY clients (default 8) fetch BENCH_REQUESTS pages (default 400) from each,
 * in alternating rounds so the machine's noise falls on all three alike.
 *
 *   flat  = throughput(10 k) / throughput(1 M)   target ≤ 1.5: the page does not grow with the queue
 *   ratio = throughput(1 M) / throughput(bare)   target ≥ 0.5: the data costs less than the page itself
 */
import type { INestApplication } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { insertSyntheticQueue } from '@expediente/infra/review-queue/review-queue.synthetic';
import { createApiApp } from '../../apps/api/src/api.app';
import { createBackofficeApp } from '../../apps/backoffice/src/backoffice.app';
import { databaseUrl, envInt, log, round, runBench, timed } from '../support';

const big = envInt('BENCH_CASES', 1_000_000);
const small = envInt('BENCH_SMALL_CASES', 10_000);
const requests = envInt('BENCH_REQUESTS', 400);
const concurrency = envInt('BENCH_CONCURRENCY', 8);
const rounds = envInt('BENCH_ROUNDS', 4);
const unit = 'INSS-28';
const now = new Date();
const chunk = 100_000;
const PAGE =
  process.env.BENCH_QUEUE_PATH ?? '/staff/queue?status=assigned&procedure=medical-report-submission';
const SUPERVISOR = {
  subject: '50123456Q',
  name: 'Elena Ruiz Navarro',
  roles: ['supervisor'],
  unit,
  levelOfAssurance: 'certificate',
};

interface Running {
  readonly label: string;
  readonly web: string;
  readonly cookie: string;
  readonly schema: string;
  readonly dataDir: string;
  readonly storage: Storage;
  readonly apps: INestApplication[];
}

async function start(label: string, cases: number): Promise<Running> {
  const schema = `bench_queue_${label}_${randomBytes(4).toString('hex')}`;
  const dataDir = await mkdtemp(join(tmpdir(), `bench-queue-${label}-`));
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dataDir,
    QUEUE_PREFIX: `bench-queue-${schema}`,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_LOGIN_PER_IP: '100000/1h',
  });
  const storage = await openStorage(loadConfig());
  const { seconds } = await timed(async () => {
    for (let from = 1; from <= cases; from += chunk) {
      await insertSyntheticQueue(storage.sql, {
        from,
        count: Math.min(chunk, cases - from + 1),
        units: [unit],
        now,
      });
    }
    await storage.sql.query('VACUUM ANALYZE review_queue');
  });
  log(`${label}: ${cases} cases of ${unit} loaded in ${round(seconds, 1)} s (schema ${schema})`);
  const api = await createApiApp({ storage });
  await api.listen(0, '127.0.0.1');
  process.env.API_INTERNAL_URL = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const backoffice = await createBackofficeApp({ storage });
  await backoffice.listen(0, '127.0.0.1');
  const web = (await backoffice.getUrl()).replace('[::1]', '127.0.0.1');
  const login = await fetch(`${process.env.API_INTERNAL_URL}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SUPERVISOR),
  });
  const { token } = (await login.json()) as { token: string };
  const cookie = `expediente_session=${token}`;
  const probe = await fetch(`${web}${PAGE}`, { headers: { cookie } });
  const html = await probe.text();
  const system = { label, web, cookie, schema, dataDir, storage, apps: [backoffice, api] };
  if (probe.status !== 200 || !html.includes('</html>')) {
    await stop(system);
    throw new Error(`${label}: ${PAGE} answered ${probe.status}`);
  }
  return system;
}

async function stop(system: Running): Promise<void> {
  for (const app of system.apps) await app.close();
  await system.storage.close();
  const admin = new Pool({ connectionString: databaseUrl, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${system.schema} CASCADE`);
  await admin.end();
  await rm(system.dataDir, { recursive: true, force: true });
}

/** `count` page loads by `concurrency` clients; each latency in ms. */
async function load(system: Running, count: number): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let left = count;
  const client = async () => {
    while (left-- > 0) {
      const begin = performance.now();
      const response = await fetch(`${system.web}${PAGE}`, { headers: { cookie: system.cookie } });
      await response.text();
      if (response.status !== 200) throw new Error(`${system.label}: ${response.status}`);
      latencies.push(performance.now() - begin);
    }
  };
  const { seconds } = await timed(() => Promise.all(Array.from({ length: concurrency }, client)));
  return { seconds, latencies };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

runBench(async () => {
  const systems: Running[] = [];
  try {
    systems.push(await start('bare', 0), await start('10k', small), await start('1m', big));
    for (const system of systems) await load(system, 40); // warm-up: JIT, pools, plans
    const totals = new Map(systems.map((s) => [s.label, { seconds: 0, latencies: [] as number[] }]));
    for (let round_ = 0; round_ < rounds; round_ += 1) {
      for (const system of round_ % 2 === 0 ? systems : [...systems].reverse()) {
        const result = await load(system, Math.ceil(requests / rounds));
        const total = totals.get(system.label)!;
        total.seconds += result.seconds;
        total.latencies.push(...result.latencies);
      }
    }
    const figures = Object.fromEntries(
      [...totals].map(([label, { seconds, latencies }]) => [
        label,
        {
          pagesPerSecond: round(latencies.length / seconds, 1),
          p50Ms: round(percentile(latencies, 50), 2),
          p95Ms: round(percentile(latencies, 95), 2),
        },
      ]),
    );
    for (const [label, f] of Object.entries(figures))
      log(`${label}: ${f.pagesPerSecond} pages/s, p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms`);
    const rate = (label: string) => figures[label]!.pagesPerSecond;
    return {
      bench: 'queue',
      page: PAGE,
      cases: big,
      smallCases: small,
      requests,
      concurrency,
      figures,
      flat: round(rate('10k') / rate('1m'), 3),
      flatTarget: '≤ 1.5',
      ratio: round(rate('1m') / rate('bare'), 3),
      ratioTarget: '≥ 0.5',
    };
  } finally {
    for (const system of systems) await stop(system).catch(() => undefined);
  }
});
