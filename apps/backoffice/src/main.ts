import 'reflect-metadata';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { runMain } from '@expediente/infra/bootstrap';
import { createBackofficeApp } from './backoffice.app';

runMain(async () => {
  const config = loadConfig();
  const app = await createBackofficeApp();
  app.enableShutdownHooks();
  await app.listen(config.BACKOFFICE_PORT);
  console.log(`Expediente back office listening on ${await app.getUrl()}`);
});
