import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { DestinationStream } from 'pino';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { createApiApp } from '../../apps/api/src/api.app';
import { createWorkerApp } from '../../apps/worker/src/worker.app';
import { createBackofficeApp } from '../../apps/backoffice/src/backoffice.app';
import { testDatabaseUrl } from './postgres';
import { removeKeys, testQueuePrefix } from './redis-keys';

/**
 * The API and the worker, in this process, on a PostgreSQL schema, a data
 * directory and a queue prefix of their own: real HTTP, Redis and Chromium.
 */
export interface RunningSystem {
  readonly api: string;
  /** The back office's pages, when started with `backoffice: true`. */
  readonly web: string;
  readonly storage: Storage;
  /** The environment the apps were started with, for a worker started as a child process. */
  readonly env: Readonly<Record<string, string>>;
  readonly worker: INestApplication;
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  /** false: no worker in this process (a test runs its own, e.g. as a child process to kill). */
  readonly worker?: boolean;
  /** Where all the apps log instead of stdout. */
  readonly logDestination?: DestinationStream;
  /** More configuration for this system only (e.g. a looser rate limit), removed again on stop. */
  readonly env?: Readonly<Record<string, string>>;
  /** true: the back office too (its pages reach this system's API over HTTP). */
  readonly backoffice?: boolean;
}

export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const id = randomBytes(4).toString('hex');
  const schema = `e2e_${id}`;
  const queuePrefix = testQueuePrefix();
  const dataDir = await mkdtemp(join(tmpdir(), `expediente-e2e-${id}-`));
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl,
    DATABASE_SCHEMA: schema,
    DATA_DIR: dataDir,
    QUEUE_PREFIX: queuePrefix,
    NODE_ENV: 'test',
    // Deadlines fall due by the process clock, which tests move forward: check them often.
    DEADLINE_SWEEP_MS: '200',
    ...options.env,
  });
  const storage = await openStorage(loadConfig());
  const apps = { storage, logDestination: options.logDestination };
  const api = await createApiApp(apps);
  await api.listen(0, '127.0.0.1');
  const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  process.env.PUBLIC_BASE_URL = base;
  process.env.API_INTERNAL_URL = base;
  let worker = await createWorkerApp(apps);
  if (options.worker !== false && !options.backoffice) await worker.init();
  // With the pages, the worker listens too: the operations page reads its /health and /metrics.
  if (options.backoffice && options.worker !== false) {
    await worker.listen(0, '127.0.0.1');
    process.env.WORKER_INTERNAL_URL = (await worker.getUrl()).replace('[::1]', '127.0.0.1');
  }
  const backoffice = options.backoffice ? await createBackofficeApp(apps) : undefined;
  if (backoffice) await backoffice.listen(0, '127.0.0.1');
  const web = backoffice ? (await backoffice.getUrl()).replace('[::1]', '127.0.0.1') : '';
  return {
    api: base,
    web,
    storage,
    env: {
      DATABASE_URL: testDatabaseUrl,
      DATABASE_SCHEMA: schema,
      DATA_DIR: dataDir,
      QUEUE_PREFIX: queuePrefix,
      PUBLIC_BASE_URL: base,
      NODE_ENV: 'test',
    },
    get worker() {
      return worker;
    },
    async stopWorker() {
      await worker.close();
    },
    async startWorker() {
      worker = await createWorkerApp(apps);
      await worker.init();
    },
    async stop() {
      await backoffice?.close();
      await worker.close();
      await api.close();
      await storage.close();
      const pool = new Pool({ connectionString: testDatabaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
      await rm(dataDir, { recursive: true, force: true });
      await removeKeys(`${queuePrefix}:`);
      for (const key of [
        'DATABASE_URL',
        'DATABASE_SCHEMA',
        'DATA_DIR',
        'QUEUE_PREFIX',
        'PUBLIC_BASE_URL',
        'API_INTERNAL_URL',
        'WORKER_INTERNAL_URL',
        'DEADLINE_SWEEP_MS',
        ...Object.keys(options.env ?? {}),
      ])
        delete process.env[key];
    },
  };
}
