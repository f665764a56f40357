import { eventStoreMigrations } from '@expediente/infra/event-store/event-store.migrations';
import { migrate } from '@expediente/infra/sql/migrations';
import { createTestSchema } from '../support/postgres';
import { eventStoreContract } from './event-store.contract';
import { sqlEventStoreHarness } from './event-store.sql-harness';

eventStoreContract('PostgreSQL', async ({ upcasters }) => {
  const { client, drop } = await createTestSchema('es');
  await migrate(client, eventStoreMigrations);
  return sqlEventStoreHarness(client, upcasters, drop);
});
