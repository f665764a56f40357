import { EventStore, StoredEvent, Subscription } from '../event-store/event-store.port';
import { CheckpointedReadModel } from './read-model';

export interface RebuildProgress {
  readonly projection: string;
  readonly applied: number;
  readonly position: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Keeps one read model up to date from the global log: subscribes from the
 * model's checkpoint and hands it each event. The model guarantees that a
 * redelivered event changes nothing, so several replicas may run it at once.
 */
export class ReadModelRunner {
  private subscription?: Subscription;

  constructor(
    private readonly store: EventStore,
    private readonly model: CheckpointedReadModel,
  ) {}

  async start(onError: (error: unknown) => void = () => undefined): Promise<void> {
    const from = await this.model.checkpoint();
    this.subscription = this.store.subscribeToAll({
      from,
      onEvent: (event) => this.model.apply([event]),
      onError,
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  checkpoint(): Promise<number> {
    return this.model.checkpoint();
  }

  /**
   * Applies, in batches, every event the log holds after the model's checkpoint, once, and
   * returns how many: a one-shot process (the audit CLI) reads a model up to date without a
   * worker. Safe beside a live runner: the model skips what it has already applied.
   */
  async catchUp(batchSize = 1000): Promise<number> {
    let applied = 0;
    let batch: StoredEvent[] = [];
    for await (const event of this.store.readAll({
      fromPosition: await this.model.checkpoint(),
      batchSize,
    })) {
      batch.push(event);
      if (batch.length < batchSize) continue;
      await this.model.apply(batch);
      applied += batch.length;
      batch = [];
    }
    if (batch.length > 0) await this.model.apply(batch);
    return applied + batch.length;
  }

  /**
   * Empties the read model and replays the whole log into it, a batch at a
   * time, streaming (memory does not grow with the log). Stop the live runner first.
   */
  async rebuild(options: RebuildOptions = {}): Promise<number> {
    const batchSize = options.batchSize ?? 1000;
    await this.model.reset();
    let applied = 0;
    let batch: StoredEvent[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const events = batch;
      batch = [];
      await this.model.apply(events);
      applied += events.length;
      options.onProgress?.({
        projection: this.model.name,
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
}
