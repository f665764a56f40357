import { Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');

/** BullMQ's workers block on Redis, so requests must wait for a reconnect rather than fail after N retries. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}
