import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage } from '@expediente/infra/storage/storage';
import { createApiApp } from '../apps/api/src/api.app';
import { createWorkerApp } from '../apps/worker/src/worker.app';
import { createBackofficeApp } from '../apps/backoffice/src/backoffice.app';
import { redisForDev } from './dev-redis';
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

  const line = (label: string, url: string) => console.log(`  ${label.padEnd(14)} ${url}`);
  console.log(
    `\nExpediente is running (event store: ${storage.description.eventStore}, ${storage.description.location}; Redis: ${redis.origin} ${redis.url})`,
  );
  line('API', `http://localhost:${config.API_PORT}`);
  line('API docs', `http://localhost:${config.API_PORT}/docs`);
  line('Back office', `http://localhost:${config.BACKOFFICE_PORT}`);
  line('Worker health', `http://localhost:${config.WORKER_PORT}/health`);
  for (const entry of demo) console.log(`  demo data:     ${entry}`);
  console.log(
    `  log in (dev):  POST /dev/login {"subject":"${DEMO_PEOPLE[0]!.subject}","name":"${DEMO_PEOPLE[0]!.name}","roles":["citizen"],"levelOfAssurance":"certificate"}`,
  );
  console.log('Press Ctrl+C to stop.\n');
}

main().catch((error: unknown) => {
  console.error(`Expediente could not start:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
