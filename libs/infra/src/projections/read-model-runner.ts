import { performance } from 'node:perf_hooks';
import { EventStore, StoredEvent, Subscription } from '../event-store/event-store.port';
import { CheckpointedReadModel } from './read-model';

export interface RebuildProgress {
  readonly projection: string;
  /** Events replayed so far. */
  readonly applied: number;
  /** Events in the log when the rebuild began: what `applied` heads for (appends add a few). */
  readonly total: number;
  readonly position: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildSummary {
  readonly projection: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** The checkpoint the rebuilt model starts live from. */
  readonly position: number;
}

export const DEFAULT_REBUILD_BATCH = 1000;

/** Times a rebuild: `run` replays and reports how many events and up to which position. */
export async function summarise(
  projection: string,
  run: () => Promise<{ events: number; position: number }>,
): Promise<RebuildSummary> {
  const started = performance.now();
  const { events, position } = await run();
  const seconds = (performance.now() - started) / 1000;
  return { projection, events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : 0, position };
}

/**
 * Hands the log to `apply` in batches, in order, streaming: the next batch is read while the
 * last one is applied, so at most two are held (memory does not grow with the log). Reports
 * progress after each. Returns the events applied and the last position.
 */
export async function replayInBatches(
  store: EventStore,
  options: RebuildOptions & { projection: string; from: number; total: number; applied?: number },
  apply: (events: readonly StoredEvent[]) => Promise<void>,
): Promise<{ events: number; position: number }> {
  const batchSize = options.batchSize ?? DEFAULT_REBUILD_BATCH;
  let applied = options.applied ?? 0;
  let position = options.from;
  let batch: StoredEvent[] = [];
  let applying: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    await applying;
    applying = apply(events).then(() => {
      applied += events.length;
      position = events[events.length - 1]!.position;
      options.onProgress?.({ projection: options.projection, applied, total: options.total, position });
    });
    // Awaited at the next flush or at the end; until then a failure must not count as unhandled.
    applying.catch(() => undefined);
  };
  for await (const event of store.readAll({ fromPosition: options.from, batchSize })) {
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await applying;
  return { events: applied, position };
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

  get name(): string {
    return this.model.name;
  }

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
   * In place: empties the read model and replays the whole log into it, so readers see it
   * fill up. Stop the live runner first. SQL projections on PostgreSQL override this with a
   * rebuild beside the live tables (ProjectionRunner).
   */
  rebuild(options: RebuildOptions = {}): Promise<RebuildSummary> {
    return summarise(this.model.name, async () => {
      const total = await this.store.countAfter(0, Number.MAX_SAFE_INTEGER);
      await this.model.reset();
      return replayInBatches(
        this.store,
        { ...options, projection: this.model.name, from: 0, total },
        (events) => this.model.apply(events),
      );
    });
  }
}
