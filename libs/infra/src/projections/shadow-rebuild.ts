import { EventStore, StoredEvent } from '../event-store/event-store.port';
import { assertIdentifier, SqlClient, SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from './projection';
import { applyAfter, lockCheckpoint, storeCheckpoint } from './projection-runner';
import { RebuildOptions, RebuildSummary, replayInBatches, summarise } from './read-model-runner';

/** A rebuild whose heartbeat is older than this is taken for dead: another may take over. */
export const REBUILD_STALE_AFTER_SECONDS = 300;

interface Schemas {
  readonly live: string;
  /** Where the shadow tables fill up, under the live tables' own names. */
  readonly shadow: string;
  /** Where the replaced tables go in the swap, to be dropped after it. */
  readonly old: string;
  /** The connection's search_path, restored after the shadow-first one. */
  readonly searchPath: string;
}

interface TableShape {
  readonly table: string;
  /** Primary key, unique and exclusion constraints (they bring their indexes). */
  readonly constraints: readonly { name: string; definition: string }[];
  /** Every other index, as `CREATE INDEX` on the live table. */
  readonly indexes: readonly string[];
}

/**
 * Rebuilds a SQL projection on PostgreSQL while readers go on reading the live tables:
 * 1. claims the rebuild (a `projection_rebuilds` row; one rebuild per projection at a time);
 * 2. creates shadow tables of the same shape (columns, constraints, indexes) in `<schema>__shadow` and fills them from
 *    position 0 in batches (one transaction each, checkpoint in `projection_rebuilds`), running
 *    the projection's own statements with the shadow schema first on the search path;
 * 3. makes the shadow tables logged (they fill unlogged) and analyses them, then catches up
 *    to the head;
 * 4. swaps in one transaction: locks the live checkpoint row (the live runner's next update
 *    waits on it), applies whatever the live runner had reached beyond the shadow, moves the
 *    live tables to `<schema>__old` and the shadow ones in, and sets the live checkpoint to the
 *    shadow's. The live runner then resumes on the new tables from that checkpoint, skipping
 *    what the shadow already holds, so no event is lost or applied twice;
 * 5. drops the old tables.
 * A failure leaves the live tables as they were and the rebuild row marked with the error.
 */
export async function rebuildInShadow(
  store: EventStore,
  sql: SqlClient,
  projection: SqlProjection,
  options: RebuildOptions = {},
): Promise<RebuildSummary> {
  const { name, tables } = projection;
  const schemas = await schemasOf(sql);
  await claim(sql, name);
  try {
    const summary = await summarise(name, async () => {
      const total = await store.countAfter(0, Number.MAX_SAFE_INTEGER);
      const shapes = await Promise.all(tables.map((table) => shapeOf(sql, schemas.live, table)));
      await createShadow(sql, schemas, shapes);
      const apply = (events: readonly StoredEvent[]) => applyToShadow(sql, schemas, projection, events);
      const filled = await replayInBatches(store, { ...options, projection: name, from: 0, total }, apply);
      await settleShadow(sql, schemas, shapes);
      const caughtUp = await replayInBatches(
        store,
        { ...options, projection: name, from: filled.position, total, applied: filled.events },
        apply,
      );
      const swapped = await swap(store, sql, schemas, projection, caughtUp.position);
      return { events: caughtUp.events + swapped.events, position: swapped.position };
    });
    await dropTables(sql, schemas.old, tables);
    await dropTables(sql, schemas.shadow, []);
    return summary;
  } catch (error) {
    await markFailed(sql, name, error);
    await dropTables(sql, schemas.shadow, tables).catch(() => undefined);
    throw error;
  }
}

async function schemasOf(sql: SqlClient): Promise<Schemas> {
  const [row] = await sql.query<{ live: string; search_path: string }>(
    `SELECT current_schema() AS live, current_setting('search_path') AS search_path`,
  );
  const live = assertIdentifier(row!.live);
  return {
    live,
    shadow: assertIdentifier(`${live}__shadow`),
    old: assertIdentifier(`${live}__old`),
    searchPath: row!.search_path,
  };
}

async function claim(sql: SqlClient, name: string): Promise<void> {
  const claimed = await sql.query(
    `INSERT INTO projection_rebuilds (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET position = 0, applied = 0, started_at = now(), updated_at = now(), error = NULL
     WHERE projection_rebuilds.error IS NOT NULL
        OR projection_rebuilds.updated_at < now() - make_interval(secs => $2)
     RETURNING name`,
    [name, REBUILD_STALE_AFTER_SECONDS],
  );
  if (claimed.length === 0) {
    throw new Error(`${name} is already being rebuilt by another process; see npm run projections -- status`);
  }
}

async function markFailed(sql: SqlClient, name: string, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  await sql
    .query('UPDATE projection_rebuilds SET error = $2, updated_at = now() WHERE name = $1', [name, reason])
    .catch(() => undefined);
}

async function shapeOf(sql: SqlExecutor, schema: string, table: string): Promise<TableShape> {
  assertIdentifier(table);
  const constraints = await sql.query<{ name: string; definition: string }>(
    `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = $2 AND c.contype IN ('p', 'u', 'x') ORDER BY c.conname`,
    [schema, table],
  );
  const indexes = await sql.query<{ definition: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = $2
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY i.indexrelid`,
    [schema, table],
  );
  if (constraints.length === 0 && indexes.length === 0) {
    const [exists] = await sql.query(`SELECT to_regclass($1) AS oid`, [`${schema}.${table}`]);
    if (!exists?.oid) throw new Error(`Table ${schema}.${table} does not exist`);
  }
  return { table, constraints, indexes: indexes.map((row) => row.definition) };
}

/**
 * Same columns, defaults, checks, keys and indexes as the live table, under the same names (in
 * the shadow schema): the projection's own lookups while filling need its indexes too.
 */
async function createShadow(sql: SqlClient, schemas: Schemas, shapes: readonly TableShape[]): Promise<void> {
  await sql.query(`CREATE SCHEMA IF NOT EXISTS ${schemas.shadow}`);
  for (const { table, constraints, indexes } of shapes) {
    await sql.query(`DROP TABLE IF EXISTS ${schemas.shadow}.${table}`);
    await sql.query(
      `CREATE UNLOGGED TABLE ${schemas.shadow}.${table} (LIKE ${schemas.live}.${table}
         INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY
         INCLUDING STORAGE INCLUDING COMMENTS)`,
    );
    for (const constraint of constraints) {
      await sql.query(
        `ALTER TABLE ${schemas.shadow}.${table} ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`,
      );
    }
    for (const definition of indexes) {
      const onShadow = definition.replace(/ ON (ONLY )?\S+ USING /, ` ON ${schemas.shadow}.${table} USING `);
      if (onShadow === definition) throw new Error(`Cannot read the index definition: ${definition}`);
      await sql.query(onShadow);
    }
  }
}

/**
 * The shadow fills unlogged (no WAL per row, which is most of an insert's cost) and is made
 * durable in one pass once full; fresh statistics, so the first queries after the swap plan well.
 */
async function settleShadow(sql: SqlClient, schemas: Schemas, shapes: readonly TableShape[]): Promise<void> {
  for (const { table } of shapes) {
    await sql.query(`ALTER TABLE ${schemas.shadow}.${table} SET LOGGED`);
    await sql.query(`ANALYZE ${schemas.shadow}.${table}`);
  }
}

/** The projection's own statements, resolving its tables to the shadow ones. */
async function shadowFirst(tx: SqlExecutor, schemas: Schemas): Promise<void> {
  await tx.query(`SELECT set_config('search_path', $1, true)`, [`${schemas.shadow}, ${schemas.searchPath}`]);
}

async function liveOnly(tx: SqlExecutor, schemas: Schemas): Promise<void> {
  await tx.query(`SELECT set_config('search_path', $1, true)`, [schemas.searchPath]);
}

function applyToShadow(
  sql: SqlClient,
  schemas: Schemas,
  projection: SqlProjection,
  events: readonly StoredEvent[],
): Promise<void> {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ position: string }>(
      'SELECT position FROM projection_rebuilds WHERE name = $1 FOR UPDATE',
      [projection.name],
    );
    if (!row) throw new Error(`The rebuild of ${projection.name} was taken over by another process`);
    await shadowFirst(tx, schemas);
    const position = await applyAfter(tx, projection, Number(row.position), events);
    await liveOnly(tx, schemas);
    await tx.query(
      `UPDATE projection_rebuilds SET position = $2, applied = applied + $3, updated_at = now() WHERE name = $1`,
      [projection.name, position, events.length],
    );
  });
}

async function swap(
  store: EventStore,
  sql: SqlClient,
  schemas: Schemas,
  projection: SqlProjection,
  shadowAt: number,
): Promise<{ position: number; events: number }> {
  await sql.query(`CREATE SCHEMA IF NOT EXISTS ${schemas.old}`);
  return sql.transaction(async (tx) => {
    // Readers queue behind the swap's exclusive locks; a long reader makes it give up, not stall them all.
    await tx.query(`SET LOCAL lock_timeout = '10s'`);
    const live = await lockCheckpoint(tx, projection.name);
    let position = shadowAt;
    const gap: StoredEvent[] = [];
    if (live > shadowAt) {
      for await (const event of store.readAll({ fromPosition: shadowAt, toPosition: live })) gap.push(event);
      await shadowFirst(tx, schemas);
      position = await applyAfter(tx, projection, shadowAt, gap);
      await liveOnly(tx, schemas);
      if (position < live) throw new Error(`Caught up to ${position} only, the live checkpoint is ${live}`);
    }
    for (const table of projection.tables) {
      await tx.query(`ALTER TABLE ${schemas.live}.${table} SET SCHEMA ${schemas.old}`);
      await tx.query(`ALTER TABLE ${schemas.shadow}.${table} SET SCHEMA ${schemas.live}`);
    }
    await storeCheckpoint(tx, projection.name, position);
    await tx.query('DELETE FROM projection_rebuilds WHERE name = $1', [projection.name]);
    return { position, events: gap.length };
  });
}

/** Drops the tables and then the schema if nothing else is in it (another rebuild may be). */
async function dropTables(sql: SqlClient, schema: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql.query(`DROP TABLE IF EXISTS ${schema}.${table}`);
  await sql.query(`DROP SCHEMA IF EXISTS ${schema}`).catch(() => undefined);
}
