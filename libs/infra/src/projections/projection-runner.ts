import { EventStore, StoredEvent } from '../event-store/event-store.port';
import { SqlClient, SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from './projection';
import { CheckpointedReadModel } from './read-model';
import { ReadModelRunner } from './read-model-runner';

export type { RebuildProgress } from './read-model-runner';

/**
 * A SQL projection with its checkpoint row in `projection_checkpoints`. The row
 * is locked, compared and advanced in the update's own transaction: an event at
 * or below the checkpoint is skipped, so redelivery after a crash changes nothing.
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
    await this.ensureRow(this.sql);
    const [row] = await this.sql.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1',
      [this.name],
    );
    return Number(row?.position ?? 0);
  }

  apply(events: readonly StoredEvent[]): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await this.ensureRow(tx);
      const [row] = await tx.query<{ position: string }>(
        'SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
        [this.name],
      );
      let checkpoint = Number(row?.position ?? 0);
      for (const event of events) {
        if (event.position <= checkpoint) continue;
        await this.projection.apply(tx, event);
        checkpoint = event.position;
      }
      await tx.query('UPDATE projection_checkpoints SET position = $2 WHERE name = $1', [
        this.name,
        checkpoint,
      ]);
    });
  }

  reset(): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await this.ensureRow(tx);
      await tx.query('SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [this.name]);
      await this.projection.reset(tx);
      await tx.query('UPDATE projection_checkpoints SET position = 0 WHERE name = $1', [this.name]);
    });
  }

  private async ensureRow(sql: SqlExecutor): Promise<void> {
    await sql.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [
      this.name,
    ]);
  }
}

/** Keeps one SQL projection up to date from the global log (see ReadModelRunner). */
export class ProjectionRunner extends ReadModelRunner {
  constructor(store: EventStore, sql: SqlClient, projection: SqlProjection) {
    super(store, new SqlProjectionReadModel(sql, projection));
  }
}
