import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import { UpcasterRegistry } from '@expediente/infra/event-store/upcasters';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { EventStoreHarness } from './event-store.contract';

/** The contract's hooks for the SQL store, the same on PostgreSQL and PGlite. */
export function sqlEventStoreHarness(
  client: SqlClient,
  upcasters: UpcasterRegistry,
  teardown: () => Promise<void>,
): EventStoreHarness {
  return {
    store: new SqlEventStore(client, { upcasters }),
    tamper: async (stream, version) => {
      await client.query(
        `UPDATE events SET data = jsonb_set(data, '{tampered}', 'true') WHERE stream_id = $1 AND stream_version = $2`,
        [stream, version],
      );
    },
    // A trigger sleeps inside each append's transaction, after its rows have their positions.
    slowCommits: async (maxMs) => {
      await client.query(`
        CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_sleep(random() * ${Number(maxMs)} / 1000.0);
          RETURN NULL;
        END $$`);
      await client.query(
        'CREATE TRIGGER slow_commit AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION slow_commit()',
      );
      return async () => {
        await client.query('DROP TRIGGER slow_commit ON events');
        await client.query('DROP FUNCTION slow_commit()');
      };
    },
    teardown,
  };
}
