import { PGlite } from '@electric-sql/pglite';
import { assertIdentifier, SqlClient, SqlExecutor } from './sql-client';

export interface PgliteClientOptions {
  /** A directory for a persistent database; omit for an in-memory one. */
  readonly dataDir?: string;
}

export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<SqlClient> {
  const db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  return new PgliteClient(db);
}

/** PGlite is one connection: it runs one statement or transaction at a time, in call order. */
class PgliteClient implements SqlClient {
  readonly kind = 'pglite' as const;

  constructor(private readonly db: PGlite) {}

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.db.query<Row>(text, params as unknown[]);
    return result.rows;
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      fn({
        async query<Row>(text: string, params: readonly unknown[] = []) {
          const result = await tx.query<Row>(text, params as unknown[]);
          return result.rows;
        },
      }),
    );
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(assertIdentifier(channel), onNotify);
    return () => unlisten();
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
