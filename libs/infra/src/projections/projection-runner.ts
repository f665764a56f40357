import { EventStore, StoredEvent } from '../event-store/event-store.port';
import { SqlClient, SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from './projection';
import { CheckpointedReadModel } from './read-model';
import { ReadModelRunner, RebuildOptions, RebuildSummary } from './read-model-runner';
import { rebuildInShadow } from './shadow-rebuild';

/**
 * Applies the events after `checkpoint` (in one statement batch when the projection has one)
 * and returns the new checkpoint. The caller holds the checkpoint's lock and stores the result
 * in the same transaction.
 */
export async function applyAfter(
  tx: SqlExecutor,
  projection: SqlProjection,
  checkpoint: number,
  events: readonly StoredEvent[],
): Promise<number> {
  const fresh = events.filter((event) => event.position > checkpoint);
  const last = fresh[fresh.length - 1];
  if (!last) return checkpoint;
  if (projection.applyBatch) await projection.applyBatch(tx, fresh);
  else for (const event of fresh) await projection.apply(tx, event);
  return last.position;
}

/** Locks the projection's checkpoint row for the rest of the transaction and reads it. */
export async function lockCheckpoint(tx: SqlExecutor, name: string): Promise<number> {
  await ensureCheckpointRow(tx, name);
  const [row] = await tx.query<{ position: string }>(
    'SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  return Number(row?.position ?? 0);
}

export async function storeCheckpoint(tx: SqlExecutor, name: string, position: number): Promise<void> {
  await tx.query('UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1', [
    name,
    position,
  ]);
}

async function ensureCheckpointRow(sql: SqlExecutor, name: string): Promise<void> {
  await sql.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
}

/**
 * A SQL projection with its checkpoint row in `projection_checkpoints`. The row
 * is locked, compared and advanced in the update's own transaction: an event at
 * or below the checkpoint is skipped, so redelivery after a crash changes nothing.
 * The same lock is what a rebuild's swap takes (shadow-rebuild.ts).
 */
export class SqlProjectionReadModel implements CheckpointedReadModel {
  constructor(
    private readonly sql: SqlClient,
    private readonly projection: SqlProjection,
  ) {}

  get name(): string {
    return this.projection.name;
  }

  async checkpoint(): Promise<number> {
    await ensureCheckpointRow(this.sql, this.name);
    const [row] = await this.sql.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1',
      [this.name],
    );
    return Number(row?.position ?? 0);
  }

  apply(events: readonly StoredEvent[]): Promise<void> {
    return this.sql.transaction(async (tx) => {
      const checkpoint = await lockCheckpoint(tx, this.name);
      const next = await applyAfter(tx, this.projection, checkpoint, events);
      if (next !== checkpoint) await storeCheckpoint(tx, this.name, next);
    });
  }

  /** Empties the tables in place (PGlite's rebuild, which nothing reads meanwhile). */
  reset(): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await lockCheckpoint(tx, this.name);
      for (const table of this.projection.tables) await tx.query(`DELETE FROM ${table}`);
      await storeCheckpoint(tx, this.name, 0);
    });
  }
}

/**
 * Keeps one SQL projection up to date from the global log (see ReadModelRunner). On
 * PostgreSQL a rebuild fills shadow tables and swaps them in while readers go on reading the
 * live ones; PGlite is one connection in one process (nothing reads during a rebuild, which
 * `npm start`'s lock refuses), so there it rebuilds in place.
 */
export class ProjectionRunner extends ReadModelRunner {
  constructor(
    private readonly eventStore: EventStore,
    private readonly sql: SqlClient,
    private readonly projection: SqlProjection,
  ) {
    super(eventStore, new SqlProjectionReadModel(sql, projection));
  }

  override rebuild(options: RebuildOptions = {}): Promise<RebuildSummary> {
    if (this.sql.kind === 'pglite') return super.rebuild(options);
    return rebuildInShadow(this.eventStore, this.sql, this.projection, options);
  }
}
