import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort } from '../../../../test/support/ports';
import { RateLimitUnavailable, RedisThrottlerStorage } from './throttler-storage.redis';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the Redis throttler storage', () => {
  const prefix = `test-rate-limit-${randomBytes(4).toString('hex')}`;
  let admin: Redis;
  let replicas: RedisThrottlerStorage[];

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
    // Two storages on two connections: two API replicas sharing one Redis.
    replicas = [
      RedisThrottlerStorage.connect(REDIS_URL, prefix),
      RedisThrottlerStorage.connect(REDIS_URL, prefix),
    ];
  });
  afterAll(async () => {
    // Only this suite's keys: the machine's Redis is shared.
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.unlink(...keys);
    for (const replica of replicas) replica.onApplicationShutdown();
    admin.disconnect();
  });

  it('lets exactly `limit` of 50 concurrent hits through, split over two replicas', async () => {
    const key = `concurrent-${randomBytes(4).toString('hex')}`;
    const records = await Promise.all(
      Array.from({ length: 50 }, (_, i) => replicas[i % 2]!.increment(key, 60_000, 10, 60_000, 'test')),
    );
    expect(records.filter((r) => !r.isBlocked)).toHaveLength(10);
    expect(records.filter((r) => r.isBlocked)).toHaveLength(40);
    expect(new Set(records.filter((r) => !r.isBlocked).map((r) => r.totalHits))).toEqual(
      new Set(Array.from({ length: 10 }, (_, i) => i + 1)),
    );
    for (const blocked of records.filter((r) => r.isBlocked)) {
      expect(blocked.timeToBlockExpire).toBeGreaterThan(0);
      expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(60);
    }
  });

  it('opens a fresh window once the block is over', async () => {
    const key = `window-${randomBytes(4).toString('hex')}`;
    const hit = () => replicas[0]!.increment(key, 300, 2, 300, 'test');
    expect((await hit()).isBlocked).toBe(false);
    expect((await hit()).isBlocked).toBe(false);
    expect((await hit()).isBlocked).toBe(true);
    await sleep(400);
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('keeps trackers, throttlers and prefixes apart', async () => {
    const key = `apart-${randomBytes(4).toString('hex')}`;
    expect((await replicas[0]!.increment(key, 60_000, 1, 60_000, 'a')).isBlocked).toBe(false);
    expect((await replicas[0]!.increment(key, 60_000, 1, 60_000, 'a')).isBlocked).toBe(true);
    expect((await replicas[0]!.increment(key, 60_000, 1, 60_000, 'b')).isBlocked).toBe(false);
    expect((await replicas[0]!.increment(`${key}-other`, 60_000, 1, 60_000, 'a')).isBlocked).toBe(false);
    const elsewhere = RedisThrottlerStorage.connect(REDIS_URL, `${prefix}:elsewhere`);
    try {
      expect((await elsewhere.increment(key, 60_000, 1, 60_000, 'a')).isBlocked).toBe(false);
    } finally {
      elsewhere.onApplicationShutdown();
    }
    expect(await admin.keys(`${prefix}:rate-limit:a:*`)).not.toHaveLength(0);
  });

  it('refuses quickly with RateLimitUnavailable when Redis does not answer', async () => {
    const nobody = RedisThrottlerStorage.connect(`redis://127.0.0.1:${await freePort()}`, prefix);
    const started = Date.now();
    try {
      await expect(nobody.increment('k', 1000, 1, 1000, 'test')).rejects.toBeInstanceOf(RateLimitUnavailable);
    } finally {
      nobody.onApplicationShutdown();
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
