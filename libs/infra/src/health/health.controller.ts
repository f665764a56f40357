import { applyDecorators, Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { REDIS } from '../queue/redis';
import { Storage, STORAGE } from '../storage/storage';

const INDICATOR = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['up', 'down'] } },
  additionalProperties: true,
};

/** What @nestjs/terminus answers, each indicator with the facts it adds (kind, location, connection). */
const HEALTH_REPORT = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: { type: 'object', additionalProperties: INDICATOR },
    error: { type: 'object', additionalProperties: INDICATOR },
    details: { type: 'object', additionalProperties: INDICATOR },
  },
  example: {
    status: 'ok',
    info: {
      eventStore: { status: 'up', kind: 'postgres' },
      readModels: { status: 'up', kind: 'postgres', location: 'public', caseStatus: 'sql' },
      redis: { status: 'up', connection: 'ready' },
    },
    error: {},
    details: {},
  },
};

/**
 * GET /health/live: the process answers (no dependency is asked, so an orchestrator restarts
 * only a stuck process, never one waiting for its database). GET /health/ready and GET /health:
 * each dependency, and which event store this process runs on (503 when one is down).
 */
/** The answer of the checks that ask every dependency (readiness and the full report). */
const DependencyReport = () =>
  applyDecorators(
    ApiResponse({
      status: 200,
      description: 'Every dependency is up.',
      content: { 'application/json': { schema: HEALTH_REPORT } },
    }),
    ApiResponse({
      status: 503,
      description: 'SERVICE_UNAVAILABLE: a dependency is down or did not answer in time.',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    }),
  );

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({
    operationId: 'checkLiveness',
    summary: 'Check the process answers',
    description: 'Asks no dependency, so an orchestrator restarts only a stuck process. No token needed.',
    security: [],
  })
  @ApiResponse({
    status: 200,
    description: 'The process answers.',
    content: {
      'application/json': {
        schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } },
      },
    },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    operationId: 'checkReadiness',
    summary: 'Check the service is ready to serve',
    description: 'The same report as GET /health: ready when every dependency answers. No token needed.',
    security: [],
  })
  @DependencyReport()
  ready() {
    return this.check();
  }

  @Get()
  @HealthCheck()
  @ApiOperation({
    operationId: 'checkHealth',
    summary: 'Check the service and its dependencies',
    description:
      'Whether the event store, the read-model database and Redis answer (each within 3 s), and which kind of event store and database this process runs on. No token needed.',
    security: [],
  })
  @DependencyReport()
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
