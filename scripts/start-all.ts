import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { AppConfig, loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { createApiApp } from '../apps/api/src/api.app';
import { createWorkerApp } from '../apps/worker/src/worker.app';
import { createBackofficeApp } from '../apps/backoffice/src/backoffice.app';
import { RedisForDev, redisForDev } from './dev-redis';
import { waitUntilSettled } from './settle';
import { DEMO_PEOPLE, seedDemoData } from './demo-data';

/**
 * `npm start`: API, worker and back office in one process, sharing one storage.
 * One process because embedded PGlite is a single-connection database; with
 * DATABASE_URL or EVENTSTORE_URL each app can also run alone (npm run start:api …).
 */
async function main(): Promise<void> {
  const redis = await redisForDev(process.env.REDIS_URL);
  process.env.REDIS_URL = redis.url;
  const config = loadConfig();
  const storage = await openStorage(config);
  const apps: INestApplication[] = [];
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping Expediente…`);
    for (const app of apps.reverse()) await app.close();
    await storage.close();
    redis.stop();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void shutdown(s));
  process.once('SIGTERM', (s) => void shutdown(s));

  const api = await createApiApp({ storage });
  apps.push(api);
  await api.listen(config.API_PORT);
  const worker = await createWorkerApp({ storage });
  apps.push(worker);
  await worker.listen(config.WORKER_PORT);
  const backoffice = await createBackofficeApp({ storage });
  apps.push(backoffice);
  await backoffice.listen(config.BACKOFFICE_PORT);

  const demo =
    process.env.DEMO_DATA === 'off' ? [] : await seedDemoData(`http://127.0.0.1:${config.API_PORT}`);

  const settled = await waitUntilSettled(storage, redis.url, config.QUEUE_PREFIX);
  // Log lines may still be on their way through an asynchronous transport: let them land first.
  await new Promise((resolve) => setTimeout(resolve, 300));
  printBanner(config, storage, redis, demo, settled);
}

/** The last thing start-up prints: where everything is and how to get in. */
function printBanner(
  config: AppConfig,
  storage: Storage,
  redis: RedisForDev,
  demo: readonly string[],
  settled: boolean,
): void {
  const url = (port: number, path = '') => `http://localhost:${port}${path}`;
  const line = (label: string, text: string) => console.log(`  ${label.padEnd(15)} ${text}`);
  console.log(
    `\nExpediente is running (event store: ${storage.description.eventStore}, ${storage.description.location}; Redis: ${redis.origin} ${redis.url})`,
  );
  if (!settled) console.log('  (start-up work is still running: the worker may log more below)');
  line('API', url(config.API_PORT));
  line('API docs', url(config.API_PORT, '/docs'));
  line('Pages', `${url(config.BACKOFFICE_PORT)} (citizens, medical units, auditors, operators)`);
  line('Log in (dev)', `${url(config.BACKOFFICE_PORT, '/login')} (choose a person and a level of assurance)`);
  line('Worker health', url(config.WORKER_PORT, '/health'));
  line('Metrics', `${url(config.API_PORT, '/metrics')} (Prometheus; the same on every app's port)`);
  line('Job queues', url(config.BACKOFFICE_PORT, '/queues'));
  line('', `operators: open ${url(config.BACKOFFICE_PORT, '/dev/operator-session')} in the browser first`);
  line('', '(development only: it sets the operator session cookie, then opens /queues)');
  for (const entry of demo) line('demo data:', entry);
  line(
    'API log-in:',
    `POST /dev/login {"subject":"${DEMO_PEOPLE[0]!.subject}","name":"${DEMO_PEOPLE[0]!.name}","roles":["citizen"],"levelOfAssurance":"certificate"}`,
  );
  console.log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(`Expediente could not start:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
