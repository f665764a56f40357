import 'reflect-metadata';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { runMain } from '@expediente/infra/bootstrap';
import { createWorkerApp } from './worker.app';

runMain(async () => {
  const config = loadConfig();
  const app = await createWorkerApp();
  app.enableShutdownHooks();
  await app.listen(config.WORKER_PORT);
  console.log(`Expediente worker running; health on ${await app.getUrl()}/health`);
});
