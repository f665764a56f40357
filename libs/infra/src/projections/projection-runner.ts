import { EventStore, StoredEvent, Subscription } from '../event-store/event-store.port';
import { SqlClient, SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from './projection';

export interface RebuildProgress {
  readonly projection: string;
  readonly applied: number;
  readonly position: number;
}

/**
 * Keeps one projection up to date from the global log. The checkpoint row is
 * locked, compared and advanced in the update's own transaction: an event at or
 * below the checkpoint is skipped, so redelivery after a crash changes nothing.
 */
export class ProjectionRunner {
  private subscription?: Subscription;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly projection: SqlProjection,
  ) {}

  async start(onError: (error: unknown) => void = () => undefined): Promise<void> {
    const from = await this.checkpoint();
    this.subscription = this.store.subscribeToAll({
      from,
      onEvent: (event) => this.sql.transaction((tx) => this.applyOnce(tx, [event])),
      onError,
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  async checkpoint(): Promise<number> {
    await this.sql.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [
      this.projection.name,
    ]);
    const [row] = await this.sql.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1',
      [this.projection.name],
    );
    return Number(row?.position ?? 0);
  }

  /**
   * Empties the read model and replays the whole log into it, a batch per
   * transaction, streaming (memory does not grow with the log). Stop the live
   * runner first.
   */
  async rebuild(
    options: { batchSize?: number; onProgress?: (p: RebuildProgress) => void } = {},
  ): Promise<number> {
    const batchSize = options.batchSize ?? 1000;
    await this.checkpoint();
    await this.sql.transaction(async (tx) => {
      await this.projection.reset(tx);
      await tx.query('UPDATE projection_checkpoints SET position = 0 WHERE name = $1', [
        this.projection.name,
      ]);
    });
    let applied = 0;
    let batch: StoredEvent[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const events = batch;
      batch = [];
      await this.sql.transaction((tx) => this.applyOnce(tx, events));
      applied += events.length;
      options.onProgress?.({
        projection: this.projection.name,
        applied,
        position: events[events.length - 1]!.position,
      });
    };
    for await (const event of this.store.readAll({ batchSize })) {
      batch.push(event);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    return applied;
  }

  private async applyOnce(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void> {
    const [row] = await tx.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
      [this.projection.name],
    );
    let checkpoint = Number(row?.position ?? 0);
    for (const event of events) {
      if (event.position <= checkpoint) continue;
      await this.projection.apply(tx, event);
      checkpoint = event.position;
    }
    await tx.query('UPDATE projection_checkpoints SET position = $2 WHERE name = $1', [
      this.projection.name,
      checkpoint,
    ]);
  }
}
