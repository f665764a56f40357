import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Storage } from '../storage/storage';
import type { EventStore } from '../event-store/event-store.port';
import type { SqlExecutor } from '../sql/sql-client';
import { ProjectionCheckpoint, projectionStatuses } from '../projections/projection-status';
import {
  logHeadPosition,
  projectionLag,
  projectionPosition,
  projectionRebuilding,
  queueJobs,
  subscriberLag,
} from './metrics';

/** Lag is counted up to this many events: beyond it the exact figure changes no decision. */
const LAG_LIMIT = 1_000_000;

/** Waiting, delayed, active, failed and stalled jobs of each queue, read from Redis on scrape. */
export function queueCollector(queues: readonly Queue[], redis: Redis): () => Promise<void> {
  return async () => {
    await Promise.all(
      queues.map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
        const set = (state: string, value: number) => queueJobs.set({ queue: queue.name, state }, value);
        set('waiting', (counts.waiting ?? 0) + (counts.prioritized ?? 0));
        set('delayed', counts.delayed ?? 0);
        set('active', counts.active ?? 0);
        set('failed', counts.failed ?? 0);
        set('stalled', await stalledJobs(queue, redis));
      }),
    );
  };
}

/**
 * Active jobs whose lock has lapsed: their worker died, and another will take them over
 * after its next stall check. BullMQ keeps no such count, so it is read off the locks.
 */
async function stalledJobs(queue: Queue, redis: Redis): Promise<number> {
  const active = await queue.getRanges(['active'], 0, 999);
  if (active.length === 0) return 0;
  const locked = await Promise.all(active.map((id) => redis.exists(`${queue.toKey(id)}:lock`)));
  return locked.filter((exists) => exists === 0).length;
}

/** Every subscriber's distance behind the log head: the checkpoints' table, plus case status wherever it lives. */
export function lagCollector(storage: Storage): () => Promise<void> {
  return async () => {
    const rows = await storage.sql.query<{ name: string; position: string }>(
      'SELECT name, position FROM projection_checkpoints',
    );
    const checkpoints = new Map(rows.map((row) => [row.name, Number(row.position)]));
    checkpoints.set(storage.caseStatus.name, await storage.caseStatus.checkpoint());
    await Promise.all(
      [...checkpoints].map(async ([subscriber, position]) =>
        subscriberLag.set({ subscriber }, await storage.eventStore.countAfter(position, LAG_LIMIT)),
      ),
    );
  };
}

/** Each projection's lag, checkpoint and rebuild state, and the log head: registered by the process that runs them. */
export function projectionCollector(
  sql: SqlExecutor,
  store: EventStore,
  projections: readonly ProjectionCheckpoint[],
): () => Promise<void> {
  return async () => {
    const statuses = await projectionStatuses(sql, store, projections);
    for (const status of statuses) {
      const labels = { projection: status.name };
      projectionLag.set(labels, status.lag);
      projectionPosition.set(labels, status.position);
      projectionRebuilding.set(labels, status.state === 'rebuilding' ? 1 : 0);
      logHeadPosition.set(status.head);
    }
  };
}
