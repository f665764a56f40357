import { Pool, PoolClient } from 'pg';
import { assertIdentifier, SqlClient, SqlExecutor } from './sql-client';

export interface PostgresClientOptions {
  readonly connectionString: string;
  /** Every table lives in this schema; test runs use one each so suites can run in parallel. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

export async function createPostgresClient(options: PostgresClientOptions): Promise<SqlClient> {
  const schema = assertIdentifier(options.schema ?? 'public');
  const bootstrap = new Pool({ connectionString: options.connectionString, max: 1 });
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await bootstrap.end();
  }
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return new PostgresClient(pool);
}

class PostgresClient implements SqlClient {
  readonly kind = 'postgres' as const;

  constructor(private readonly pool: Pool) {}

  async query<Row>(text: string, params: readonly unknown[] = [], prepareAs?: string): Promise<Row[]> {
    const result = await this.pool.query({ text, values: params as unknown[], name: prepareAs });
    return result.rows as Row[];
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(executorOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    const handler = (message: { channel: string }) => {
      if (message.channel === channel) onNotify();
    };
    client.on('notification', handler);
    await client.query(`LISTEN ${assertIdentifier(channel)}`);
    return async () => {
      client.off('notification', handler);
      await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
      client.release();
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function executorOf(client: PoolClient): SqlExecutor {
  return {
    async query<Row>(text: string, params: readonly unknown[] = [], prepareAs?: string) {
      const result = await client.query({ text, values: params as unknown[], name: prepareAs });
      return result.rows as Row[];
    },
  };
}
