import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import type { TypedConfig } from '../infra.module';
import { REDIS } from '../queue/redis';
import { FORM_STASH } from './form-stash.port';
import { RedisFormStash } from './form-stash.redis';

/** What the pages need from infrastructure beyond the API: a place to keep a form across a log-in. */
@Module({
  providers: [
    {
      provide: FORM_STASH,
      inject: [REDIS, ConfigService],
      useFactory: (redis: Redis, config: TypedConfig) =>
        new RedisFormStash(redis, config.get('QUEUE_PREFIX', { infer: true })),
    },
  ],
  exports: [FORM_STASH],
})
export class WebInfraModule {}
