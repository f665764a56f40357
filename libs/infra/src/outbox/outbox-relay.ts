import { Queue } from 'bullmq';
import { EventStore, StoredEvent, Subscription } from '../event-store/event-store.port';
import { SqlClient } from '../sql/sql-client';

/** A job an event asks for. Its id is `${event.id}-${name}`, so enqueueing it twice adds it once. */
export interface OutboxJob {
  readonly queue: Queue;
  readonly name: string;
  readonly data: Record<string, unknown>;
  /** For work that falls due later (deadlines): BullMQ holds the job until then. */
  readonly delayMs?: number;
}

export type OutboxRoute = (event: StoredEvent) => readonly OutboxJob[];

/**
 * The event log is the outbox: every event is durable the moment its append
 * commits, in the same transaction as everything else the command wrote. This
 * relay follows the log from its checkpoint and hands the work to BullMQ; the
 * checkpoint moves only after Redis accepted the jobs, so nothing is lost while
 * Redis is down (the relay waits and retries) and nothing runs twice (job ids).
 */
export class OutboxRelay {
  private subscription?: Subscription;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly route: OutboxRoute,
    private readonly name = 'outbox',
  ) {}

  async start(onError: (error: unknown) => void = () => undefined): Promise<void> {
    this.stopped = false;
    await this.sql.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [
      this.name,
    ]);
    const [row] = await this.sql.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1',
      [this.name],
    );
    this.subscription = this.store.subscribeToAll({
      from: Number(row?.position ?? 0),
      onEvent: (event) => this.relay(event, onError),
      onError,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
  }

  /** Waits, but not past a stop: shutdown must not sit out a long backoff. */
  private async pause(ms: number): Promise<void> {
    for (let waited = 0; waited < ms && !this.stopped; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async relay(event: StoredEvent, onError: (error: unknown) => void): Promise<void> {
    const { correlationId } = event.metadata;
    // A job carries the correlation of the event that asked for it, so its log lines do too.
    const jobs = this.route(event).map((job) => ({
      ...job,
      data: { ...job.data, ...(correlationId && { correlationId }) },
    }));
    for (let attempt = 0; jobs.length > 0; attempt++) {
      try {
        await Promise.all(
          jobs.map((job) =>
            job.queue.add(job.name, job.data, {
              jobId: `${event.id}-${job.name}`,
              delay: Math.max(0, job.delayMs ?? 0),
            }),
          ),
        );
        break;
      } catch (error) {
        if (this.stopped) throw error;
        onError(error);
        await this.pause(Math.min(250 * 2 ** attempt, 10_000));
      }
    }
    await this.sql.query(
      'UPDATE projection_checkpoints SET position = $2 WHERE name = $1 AND position < $2',
      [this.name, event.position],
    );
  }
}
