import {
  BeforeApplicationShutdown,
  Controller,
  Get,
  Headers,
  Inject,
  Injectable,
  Module,
  NotFoundException,
  OnModuleInit,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { timingSafeEqual } from 'node:crypto';
import type { TypedConfig } from '../infra.module';
import { createQueue, QUEUES } from '../queue/queues';
import { REDIS } from '../queue/redis';
import { Storage, STORAGE } from '../storage/storage';
import { lagCollector, queueCollector } from './collectors';
import { metricsRegistry, onScrape } from './metrics';

/**
 * GET /metrics in Prometheus' text format. It tells how busy the system is and which queues
 * fail, so it is not for the public: with METRICS_TOKEN set, Prometheus sends it as a bearer
 * token; in production without one the endpoint does not exist.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ConfigService) private readonly config: TypedConfig) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const token = this.config.get('METRICS_TOKEN', { infer: true });
    if (token === undefined && this.config.get('NODE_ENV', { infer: true }) === 'production')
      throw new NotFoundException('Cannot GET /metrics');
    if (token !== undefined && !sameSecret(authorization ?? '', `Bearer ${token}`))
      throw new UnauthorizedException('Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".');
    const body = await metricsRegistry.metrics();
    res.type(metricsRegistry.contentType).send(body);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Registers this app's queue and lag collectors with the process registry, and removes them at shutdown. */
@Injectable()
class MetricsCollectors implements OnModuleInit, BeforeApplicationShutdown {
  private queues: Queue[] = [];
  private readonly removers: (() => void)[] = [];

  constructor(
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ConfigService) private readonly config: TypedConfig,
  ) {}

  onModuleInit(): void {
    const prefix = this.config.get('QUEUE_PREFIX', { infer: true });
    this.queues = Object.values(QUEUES).map((name) => createQueue(name, this.redis, prefix));
    const { eventStore, location } = this.storage.description;
    this.removers.push(
      onScrape(
        'queues',
        `${this.config.get('REDIS_URL', { infer: true })} ${prefix}`,
        queueCollector(this.queues, this.redis),
      ),
      onScrape('lag', `${eventStore} ${location}`, lagCollector(this.storage)),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const remove of this.removers.splice(0)) remove();
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

@Module({ controllers: [MetricsController], providers: [MetricsCollectors] })
export class MetricsModule {}
