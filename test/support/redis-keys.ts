import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The machine's Redis, shared by every run and by `npm start`; override with TEST_REDIS_URL. */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Every key a test run writes to Redis starts with this run's prefix (set once by the global
 * setup), so a run can remove exactly what it wrote and never touches `npm start`'s `expediente`.
 */
export function runPrefix(): string {
  return process.env.EXPEDIENTE_TEST_RUN ?? 'test-run';
}

/** A queue prefix of its own for one system under test, inside the run's prefix. */
export function testQueuePrefix(): string {
  return `${runPrefix()}-${randomBytes(4).toString('hex')}`;
}

/** Every key under `prefix` (BullMQ's are `prefix:queue:…`), visited in batches. */
async function eachKeyBatch(
  prefix: string,
  redisUrl: string,
  visit: (redis: Redis, keys: string[]) => Promise<number>,
): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let total = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) total += await visit(redis, keys);
    } while (cursor !== '0');
    return total;
  } finally {
    redis.disconnect();
  }
}

export function countKeys(prefix: string, redisUrl = testRedisUrl): Promise<number> {
  return eachKeyBatch(prefix, redisUrl, async (_, keys) => keys.length);
}

/** Deletes every key under `prefix`; returns how many went. */
export function removeKeys(prefix: string, redisUrl = testRedisUrl): Promise<number> {
  return eachKeyBatch(prefix, redisUrl, (redis, keys) => redis.unlink(...keys));
}
