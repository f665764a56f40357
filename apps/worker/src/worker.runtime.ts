import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { TypedConfig } from '@expediente/infra/infra.module';
import { createQueue, QUEUES } from '@expediente/infra/queue/queues';
import { createRedis } from '@expediente/infra/queue/redis';
import { OutboxRelay } from '@expediente/infra/outbox/outbox-relay';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { outboxRoutes, WorkerQueues } from './outbox/outbox.routes';
import { projectionRunners } from './projections';
import type { ReadModelRunner } from '@expediente/infra/projections/read-model-runner';
import { STORAGE, Storage } from '@expediente/infra/storage/storage';
import { reactionFor } from './reactions/reactions';
import { JobData, ReactionContext } from './reactions/reaction';

/**
 * What the worker runs: read-model projections, the outbox relay from the log to BullMQ,
 * the job processors, and the sweep that promotes deadline jobs once the clock says they
 * are due. Shutdown stops intake first and lets in-flight jobs finish (BullMQ's close
 * waits for them); a job cut short by a crash is retried, and every job is idempotent.
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  readonly queues: WorkerQueues;
  private readonly workers: Worker[] = [];
  private readonly projections: ReadModelRunner[];
  private readonly relay: OutboxRelay;
  /** BullMQ never closes a connection it was handed, so the runtime does. */
  private readonly connections: Redis[] = [];
  private sweeper?: NodeJS.Timeout;

  constructor(
    @Inject(STORAGE) storage: Storage,
    @Inject(ConfigService) private readonly config: TypedConfig,
    @Inject(PDF_RENDERER) private readonly pdf: PdfRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_RULES) rules: DeadlineRules,
    private readonly reactions: ReactionContext,
    private readonly pino: PinoLogger,
  ) {
    const prefix = config.get('QUEUE_PREFIX', { infer: true });
    this.queues = {
      receipts: createQueue(QUEUES.receipts, this.connect(), prefix),
      reactions: createQueue(QUEUES.reactions, this.connect(), prefix),
      deadlines: createQueue(QUEUES.deadlines, this.connect(), prefix),
      paperPost: createQueue(QUEUES.paperPost, this.connect(), prefix),
    };
    this.projections = Object.values(projectionRunners(storage, rules));
    this.relay = new OutboxRelay(storage.eventStore, storage.sql, outboxRoutes(this.queues, clock));
  }

  async onApplicationBootstrap(): Promise<void> {
    const report = (what: string) => (error: unknown) => this.logger.error(`${what}: ${String(error)}`);
    for (const runner of this.projections) await runner.start(report('projection'));
    await this.relay.start(report('outbox relay'));
    for (const queue of Object.values(QUEUES)) {
      this.process(queue, (job) => reactionFor(job.name).work(job, this.reactions, this.queues));
    }
    const every = this.config.get('DEADLINE_SWEEP_MS', { infer: true });
    this.sweeper = setInterval(() => void this.promoteDueDeadlines().catch(report('deadline sweep')), every);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.relay.stop();
    for (const runner of this.projections) await runner.stop();
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all(Object.values(this.queues).map((queue) => queue.close()));
    for (const connection of this.connections) connection.disconnect();
    await this.pdf.close();
  }

  /** Delayed jobs run by Redis' clock; a clock moved forward (development) promotes them here. */
  async promoteDueDeadlines(): Promise<number> {
    const now = this.clock.now().getTime();
    let promoted = 0;
    for (const job of await this.queues.deadlines.getDelayed(0, 999)) {
      if (new Date((job.data as JobData).dueAt!).getTime() <= now) {
        await job.promote().catch(() => undefined);
        promoted += 1;
      }
    }
    return promoted;
  }

  private process(queue: string, handler: (job: Job<JobData>) => Promise<unknown>): void {
    const worker = new Worker<JobData>(
      queue,
      (job) => this.inJobContext(queue, job, () => this.run(job, handler)),
      {
        connection: this.connect(),
        prefix: this.config.get('QUEUE_PREFIX', { infer: true }),
        concurrency: 2,
        lockDuration: this.config.get('JOB_LOCK_MS', { infer: true }),
        stalledInterval: this.config.get('JOB_LOCK_MS', { infer: true }),
      },
    );
    worker.on('failed', (job, error) =>
      this.inJobContext(queue, job, () =>
        this.logger.warn(`${queue} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
      ),
    );
    this.workers.push(worker);
  }

  private async run(job: Job<JobData>, handler: (job: Job<JobData>) => Promise<unknown>): Promise<unknown> {
    const started = Date.now();
    this.logger.log(`${job.name} started (attempt ${job.attemptsMade + 1})`);
    const result = await handler(job);
    this.logger.log(`${job.name} done in ${Date.now() - started} ms`);
    return result;
  }

  /** Every line logged while a job runs names it and carries the correlation id of the request that caused it. */
  private inJobContext<T>(queue: string, job: Job<JobData> | undefined, fn: () => T): T {
    return this.pino.runInContext(fn, {
      bindings: { queue, jobId: job?.id, job: job?.name, ...(job && correlationOf(job)) },
    });
  }

  private connect(): Redis {
    const connection = createRedis(this.config.get('REDIS_URL', { infer: true }));
    this.connections.push(connection);
    return connection;
  }
}

function correlationOf(job: Job<JobData>): { correlationId?: string } {
  const { correlationId } = job.data;
  return correlationId ? { correlationId } : {};
}
