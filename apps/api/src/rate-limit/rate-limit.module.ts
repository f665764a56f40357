import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { RedisThrottlerStorage } from '@expediente/infra/rate-limit/throttler-storage.redis';
import { routeThrottlers } from './rate-limit.guard';
import { RateLimits } from './rate-limits';

/** Owns the storage's Redis connection, so it is closed with the app. */
@Module({
  providers: [
    {
      provide: RedisThrottlerStorage,
      inject: [ConfigService],
      useFactory: (config: TypedConfig) =>
        RedisThrottlerStorage.connect(
          config.get('REDIS_URL', { infer: true }),
          config.get('QUEUE_PREFIX', { infer: true }),
        ),
    },
  ],
  exports: [RedisThrottlerStorage],
})
class RateLimitStorageModule {}

/**
 * Abuse limits: @nestjs/throttler over Redis (under QUEUE_PREFIX, shared by every API replica),
 * applied to routes with @RateLimited and to signing codes through RateLimits. Needs InfraModule.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [RedisThrottlerStorage, ConfigService],
      useFactory: (storage: RedisThrottlerStorage, config: TypedConfig) => ({
        storage,
        throttlers: routeThrottlers(config),
      }),
    }),
  ],
  providers: [RateLimits],
  exports: [RateLimits],
})
export class RateLimitModule {}
