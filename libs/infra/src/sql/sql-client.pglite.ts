import { PGlite } from '@electric-sql/pglite';
import { assertIdentifier, SqlClient, SqlExecutor } from './sql-client';
import { lockEmbeddedDatabase } from './pglite-lock';

export interface PgliteClientOptions {
  /** A directory for a persistent database; omit for an in-memory one. */
  readonly dataDir?: string;
}

/**
 * A persistent database is locked first (`<dataDir>.lock`): two processes on one PGlite directory
 * corrupt it, so the second is refused naming the first.
 */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<SqlClient> {
  if (!options.dataDir) return new PgliteClient(await PGlite.create(), () => undefined);
  const release = lockEmbeddedDatabase(`${options.dataDir}.lock`);
  try {
    return new PgliteClient(await PGlite.create(options.dataDir), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** PGlite is one connection: it runs one statement or transaction at a time, in call order. */
class PgliteClient implements SqlClient {
  readonly kind = 'pglite' as const;

  constructor(
    private readonly db: PGlite,
    private readonly release: () => void,
  ) {}

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
    this.release();
  }
}
