/**
 * The one seam between our SQL and its engine: PostgreSQL through `pg`, or
 * embedded PGlite. Adapters above it (event store, read models, outbox) are
 * written once, in plain PostgreSQL, and run unchanged on both.
 */
export interface SqlExecutor {
  /**
   * `prepareAs` names a hot statement: PostgreSQL parses it once per connection and may keep
   * its plan (one name per text). PGlite runs it as any other.
   */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    prepareAs?: string,
  ): Promise<Row[]>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction (READ COMMITTED); commits on return, rolls back on throw. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves once listening, with a function that stops it. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(name: string): string {
  if (!identifier.test(name)) {
    throw new Error(`"${name}" is not a safe SQL identifier (lower-case letters, digits, underscore)`);
  }
  return name;
}
export const SQL_CLIENT = Symbol('SQL_CLIENT');
