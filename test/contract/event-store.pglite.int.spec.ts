import { eventStoreMigrations } from '@expediente/infra/event-store/event-store.migrations';
import { migrate } from '@expediente/infra/sql/migrations';
import { createPgliteClient } from '@expediente/infra/sql/sql-client.pglite';
import { eventStoreContract } from './event-store.contract';
import { sqlEventStoreHarness } from './event-store.sql-harness';

eventStoreContract('PGlite', async ({ upcasters }) => {
  const client = await createPgliteClient();
  await migrate(client, eventStoreMigrations);
  return sqlEventStoreHarness(client, upcasters, () => client.close());
});
