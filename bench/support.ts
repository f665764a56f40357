/**
 * Shared plumbing for the benchmarks: a throw-away schema, timing, RSS sampling and the
 * result line. Every benchmark prints progress lines and, as its last line, one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { createPostgresClient } from '@expediente/infra/sql/sql-client.postgres';
import { SqlClient } from '@expediente/infra/sql/sql-client';

export const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A positive integer from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}=${raw} is not a positive integer`);
  return value;
}

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Runs fn against a fresh schema of its own, dropped afterwards whether fn succeeds or throws. */
export async function withBenchSchema<T>(prefix: string, fn: (client: SqlClient) => Promise<T>): Promise<T> {
  const schema = `bench_${prefix}_${randomBytes(6).toString('hex')}`;
  const client = await createPostgresClient({ connectionString: databaseUrl, schema });
  log(`schema ${schema} on ${new URL(databaseUrl).host}`);
  try {
    return await fn(client);
  } finally {
    await client.close().catch(() => undefined);
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      log(`schema ${schema} dropped`);
    } finally {
      await admin.end();
    }
  }
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** global.gc exists only under `node --expose-gc`. */
export function collectGarbage(): void {
  globalThis.gc?.();
}

/** Peak RSS above the baseline taken just before fn (after a GC), sampled every 50 ms. */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  collectGarbage();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await fn();
    sample();
    return { result, peakRssMb: round((peak - baseline) / (1024 * 1024), 1) };
  } finally {
    clearInterval(timer);
  }
}

export function perSecond(events: number, seconds: number): number {
  return Math.round(events / seconds);
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Runs a benchmark: its result becomes the last line of stdout; a failure exits non-zero. */
export function runBench(main: () => Promise<Record<string, unknown>>): void {
  const start = performance.now();
  main().then(
    (result) => {
      log(`done in ${round((performance.now() - start) / 1000, 1)} s`);
      console.log(JSON.stringify(result));
    },
    (error: unknown) => {
      console.error('[bench] failed:', error);
      process.exitCode = 1;
    },
  );
}
