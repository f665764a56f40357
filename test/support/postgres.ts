import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createPostgresClient } from '@expediente/infra/sql/sql-client.postgres';
import { SqlClient } from '@expediente/infra/sql/sql-client';

/** The machine's PostgreSQL; override with TEST_DATABASE_URL. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own per suite, so suites run in parallel and leave nothing behind. */
export async function createTestSchema(
  prefix = 't',
): Promise<{ client: SqlClient; schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = await createPostgresClient({
    connectionString: testDatabaseUrl,
    schema,
    maxConnections: 20,
  });
  return {
    client,
    schema,
    async drop() {
      await client.close();
      const pool = new Pool({ connectionString: testDatabaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
