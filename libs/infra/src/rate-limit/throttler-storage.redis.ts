import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key: the first hit opens it (INCR, then PEXPIRE), the hit past `limit`
 * closes the key for `block` ms and clears the count, so the window after a block starts afresh,
 * as @nestjs/throttler's in-memory storage does. A blocked hit is not counted. One script, so
 * concurrent hits from any number of API replicas are counted exactly.
 * Returns [totalHits, msToExpire, blocked (0/1), msToBlockExpire].
 */
const INCREMENT = `
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local blockedFor = redis.call('PTTL', KEYS[2])
if blockedFor > 0 then
  return {limit + 1, blockedFor, 1, blockedFor}
end
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  left = ttl
end
if hits <= limit then
  return {hits, left, 0, 0}
end
if block > 0 then
  redis.call('SET', KEYS[2], hits, 'PX', block)
  redis.call('DEL', KEYS[1])
  return {hits, block, 1, block}
end
redis.call('DECR', KEYS[1])
return {hits, left, 1, left}
`;

/** Redis did not answer: the limit cannot be checked, so the request is refused rather than let through. */
export class RateLimitUnavailable extends Error {
  override readonly name = 'RateLimitUnavailable';
  readonly status = 503;
  readonly code = 'RATE_LIMIT_UNAVAILABLE';

  constructor(cause: unknown) {
    super('We cannot check request limits right now; please try again in a minute.', { cause });
  }
}

/**
 * @nestjs/throttler's storage in Redis, so a limit holds across API replicas (the in-memory
 * default counts per process). Keys live under `<prefix>:rate-limit:`; the tracker part is in a
 * hash tag so both keys of a tracker sit in one Redis Cluster slot, as a script needs.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /**
   * Fails fast rather than waiting for Redis to come back: a request should be refused with a
   * 503 in a second or two, not hang (the queues' connection waits forever, by design).
   */
  static connect(url: string, prefix: string): RedisThrottlerStorage {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2000 });
    // Failures surface on the command as RateLimitUnavailable; the event itself needs no handling.
    redis.on('error', () => undefined);
    return new RedisThrottlerStorage(redis, prefix);
  }

  /** `ttl` and `blockDuration` in ms, as the guard passes them; the times returned are in seconds. */
  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    const base = `${this.prefix}:rate-limit:${throttlerName}:{${key}}`;
    let reply: unknown;
    try {
      reply = await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:blocked`,
        ttl,
        limit,
        blockDuration,
      );
    } catch (error) {
      throw new RateLimitUnavailable(error);
    }
    const [totalHits, msToExpire, blocked, msToBlockExpire] = numbers(reply);
    return {
      totalHits,
      timeToExpire: Math.ceil(msToExpire / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(msToBlockExpire / 1000),
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

function numbers(reply: unknown): [number, number, number, number] {
  if (Array.isArray(reply)) {
    const [hits, expire, blocked, blockExpire]: unknown[] = reply;
    if (
      typeof hits === 'number' &&
      typeof expire === 'number' &&
      typeof blocked === 'number' &&
      typeof blockExpire === 'number'
    )
      return [hits, expire, blocked, blockExpire];
  }
  throw new Error(`Unexpected rate-limit script reply ${JSON.stringify(reply)}`);
}
