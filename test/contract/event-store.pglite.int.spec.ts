import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import { eventStoreMigrations } from '@expediente/infra/event-store/event-store.migrations';
import { migrate } from '@expediente/infra/sql/migrations';
import { createPgliteClient } from '@expediente/infra/sql/sql-client.pglite';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('PGlite', async ({ upcasters }) => {
  const client = await createPgliteClient();
  await migrate(client, eventStoreMigrations);
  return {
    store: new SqlEventStore(client, { upcasters }),
    tamper: async (stream, version) => {
      await client.query(
        `UPDATE events SET data = jsonb_set(data, '{tampered}', 'true') WHERE stream_id = $1 AND stream_version = $2`,
        [stream, version],
      );
    },
    teardown: () => client.close(),
  };
});
