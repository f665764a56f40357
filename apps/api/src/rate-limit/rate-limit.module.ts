import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import type { TypedConfig } from '@expediente/infra/infra.module';
import {
  RateLimitStorageModule,
  THROTTLER_STORAGE,
  type ThrottlerStorage,
} from '@expediente/infra/rate-limit/rate-limit-storage.module';
import { routeThrottlers } from './rate-limit.guard';
import { RateLimits } from './rate-limits';

/**
 * Abuse limits: @nestjs/throttler over Redis (under QUEUE_PREFIX, shared by every API replica),
 * applied to routes with @RateLimited and to signing codes through RateLimits. Needs InfraModule.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [THROTTLER_STORAGE, ConfigService],
      useFactory: (storage: ThrottlerStorage, config: TypedConfig) => ({
        storage,
        throttlers: routeThrottlers(config),
      }),
    }),
  ],
  providers: [RateLimits],
  exports: [RateLimits],
})
export class RateLimitModule {}
