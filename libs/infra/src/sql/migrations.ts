import { SqlClient } from './sql-client';

export interface Migration {
  /** Stable and ordered: "001_event_store". Never edit a released migration; add a new one. */
  readonly id: string;
  readonly sql: string;
}

/** Arbitrary constant: the advisory lock that lets several processes start at once. */
const MIGRATION_LOCK = 727_001;

/** Applies the migrations not yet applied, in id order, each once, under one advisory lock. */
export async function migrate(client: SqlClient, migrations: readonly Migration[]): Promise<string[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id),
    );
    const pending = [...migrations]
      .sort((a, b) => a.id.localeCompare(b.id))
      .filter((m) => !applied.has(m.id));
    for (const migration of pending) {
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    }
    return pending.map((m) => m.id);
  });
}

/**
 * Our migrations hold no semicolons inside literals, so splitting on them is exact outside
 * dollar-quoted bodies ($$ … $$ of functions and DO blocks), which are kept whole.
 */
function splitStatements(sql: string): string[] {
  const statements = [''];
  sql.split('$$').forEach((part, i) => {
    if (i % 2 === 1) {
      statements[statements.length - 1] += `$$${part}$$`;
      return;
    }
    const [first = '', ...rest] = part.split(';');
    statements[statements.length - 1] += first;
    statements.push(...rest);
  });
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}
