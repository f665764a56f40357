import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { TypedConfig } from '../infra.module';
import { RedisThrottlerStorage } from './throttler-storage.redis';

/** Where abuse limits are counted; the apps know only @nestjs/throttler's storage interface. */
export const THROTTLER_STORAGE = Symbol('THROTTLER_STORAGE');
export type { ThrottlerStorage };

/** Owns the storage's Redis connection (under QUEUE_PREFIX), so it is closed with the app. */
@Module({
  providers: [
    {
      provide: THROTTLER_STORAGE,
      inject: [ConfigService],
      useFactory: (config: TypedConfig) =>
        RedisThrottlerStorage.connect(
          config.get('REDIS_URL', { infer: true }),
          config.get('QUEUE_PREFIX', { infer: true }),
        ),
    },
  ],
  exports: [THROTTLER_STORAGE],
})
export class RateLimitStorageModule {}
