import { createQueue, QUEUES } from '@expediente/infra/queue/queues';
import { createRedis } from '@expediente/infra/queue/redis';
import type { Storage } from '@expediente/infra/storage/storage';

/**
 * Waits until the system has done what start-up set in motion (the demo data's receipts,
 * reviews, read models): every subscriber at the log head and no job waiting or running,
 * twice in a row. Delayed jobs (deadlines, retries after a failure) do not count: they may
 * fall due in days. Gives up after `timeoutMs`, saying so, rather than hold the banner back.
 */
export async function waitUntilSettled(
  storage: Storage,
  redisUrl: string,
  prefix: string,
  timeoutMs = 30_000,
): Promise<boolean> {
  const redis = createRedis(redisUrl);
  const queues = Object.values(QUEUES).map((name) => createQueue(name, redis, prefix));
  try {
    const deadline = Date.now() + timeoutMs;
    for (let quiet = 0; quiet < 2;) {
      if (Date.now() > deadline) return false;
      quiet = (await idle(storage, queues)) ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return true;
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    redis.disconnect();
  }
}

async function idle(storage: Storage, queues: ReturnType<typeof createQueue>[]): Promise<boolean> {
  const rows = await storage.sql.query<{ position: string }>('SELECT position FROM projection_checkpoints');
  const checkpoints = [...rows.map((row) => Number(row.position)), await storage.caseStatus.checkpoint()];
  for (const checkpoint of checkpoints)
    if ((await storage.eventStore.countAfter(checkpoint, 1)) > 0) return false;
  for (const queue of queues) {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active');
    if (Object.values(counts).some((count) => count > 0)) return false;
  }
  return true;
}
