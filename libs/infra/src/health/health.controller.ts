import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { REDIS } from '../queue/redis';
import { Storage, STORAGE } from '../storage/storage';

/**
 * GET /health/live: the process answers (no dependency is asked, so an orchestrator restarts
 * only a stuck process, never one waiting for its database). GET /health/ready and GET /health:
 * each dependency, and which event store this process runs on (503 when one is down).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get(['', 'ready'])
  @HealthCheck()
  check() {
    const { description } = this.storage;
    return this.health.check([
      () =>
        this.indicators
          .check('eventStore')
          .attempt(async () => {
            await this.storage.eventStore.ping();
            return { kind: description.eventStore };
          })
          .withTimeout(3000),
      () =>
        this.indicators
          .check('readModels')
          .attempt(async () => {
            await this.storage.sql.query('SELECT 1');
            await this.storage.caseStatus.ping();
            return {
              kind: description.sql,
              location: description.location,
              caseStatus: this.storage.caseStatus.kind,
            };
          })
          .withTimeout(3000),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
            return { connection: this.redis.status };
          })
          .withTimeout(3000),
    ]);
  }
}
