import 'reflect-metadata';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { runMain } from '@expediente/infra/bootstrap';
import { createApiApp } from './api.app';

runMain(async () => {
  const config = loadConfig();
  const app = await createApiApp();
  app.enableShutdownHooks();
  await app.listen(config.API_PORT);
  console.log(`Expediente API listening on ${await app.getUrl()}`);
});
