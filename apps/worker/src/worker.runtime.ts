import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { TypedConfig } from '@expediente/infra/infra.module';
import { createQueue, DEFAULT_JOB_OPTIONS, QUEUES } from '@expediente/infra/queue/queues';
import { createRedis } from '@expediente/infra/queue/redis';
import { OutboxRelay } from '@expediente/infra/outbox/outbox-relay';
import { Reconciler } from '@expediente/infra/outbox/reconciler';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { outboxRoutes, WorkerQueues } from './outbox/outbox.routes';
import { projectionRunners } from './projections';
import type { ReadModelRunner } from '@expediente/infra/projections/read-model-runner';
import { STORAGE, Storage } from '@expediente/infra/storage/storage';
import { reactionFor } from './reactions/reactions';
import { JobData, ReactionContext } from './reactions/reaction';
import { projectionCollector } from '@expediente/infra/metrics/collectors';
import {
  onScrape,
  recordLogVerificationFailures,
  recordReconcilerRedrive,
} from '@expediente/infra/metrics/metrics';
import {
  describeFinding,
  LOG_INTEGRITY,
  LogIntegrity,
} from '@expediente/infra/log-integrity/log-integrity.port';
import { CheckpointSchedule } from '@expediente/infra/log-integrity/checkpoint-schedule';

/** As many stalls as attempts: a killed worker costs a job no more than a failed run would. */
const MAX_STALLS = DEFAULT_JOB_OPTIONS.attempts;

/**
 * What the worker runs: read-model projections, the outbox relay from the log to BullMQ,
 * the reconciler that re-drives what the log still owes when Redis lost or failed its job,
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
  readonly reconciler: Reconciler;
  /** BullMQ never closes a connection it was handed, so the runtime does. */
  private readonly connections: Redis[] = [];
  private sweeper?: NodeJS.Timeout;
  private stopMetrics?: () => void;
  private readonly checkpoints?: CheckpointSchedule;

  constructor(
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(ConfigService) private readonly config: TypedConfig,
    @Inject(PDF_RENDERER) private readonly pdf: PdfRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_RULES) rules: DeadlineRules,
    private readonly reactions: ReactionContext,
    private readonly pino: PinoLogger,
    @Inject(LOG_INTEGRITY) integrity: LogIntegrity,
  ) {
    const prefix = config.get('QUEUE_PREFIX', { infer: true });
    this.queues = {
      [QUEUES.receipts]: createQueue(QUEUES.receipts, this.connect(), prefix),
      [QUEUES.reactions]: createQueue(QUEUES.reactions, this.connect(), prefix),
      [QUEUES.deadlines]: createQueue(QUEUES.deadlines, this.connect(), prefix),
      [QUEUES.paperPost]: createQueue(QUEUES.paperPost, this.connect(), prefix),
      [QUEUES.alerts]: createQueue(QUEUES.alerts, this.connect(), prefix),
    };
    this.projections = Object.values(projectionRunners(storage, rules));
    this.relay = new OutboxRelay(storage.eventStore, storage.sql, outboxRoutes(this.queues, clock));
    this.reconciler = new Reconciler(storage.sql, this.queues, clock, {
      graceMs: config.get('RECONCILE_MS', { infer: true }),
      onRedrive: (effect, count) => {
        recordReconcilerRedrive(effect, count);
        this.logger.warn(`re-drove ${count} ${effect} job(s) the queue had lost or failed`);
      },
    });
    // Projections read the same events: a failure here is theirs too, so it is loud.
    this.checkpoints =
      storage.eventStore.kind === 'eventstoredb'
        ? undefined
        : new CheckpointSchedule(integrity, {
            everyMs: config.get('LOG_CHECKPOINT_MS', { infer: true }),
            onFindings: (findings) => {
              recordLogVerificationFailures(findings.map((finding) => finding.code));
              this.logger.error(
                `LOG VERIFICATION FAILED: ${findings.length} finding(s) in events not yet checkpointed; ` +
                  `projections are reading a log that does not verify, and nothing is sealed over it. ` +
                  findings.slice(0, 5).map(describeFinding).join(' | '),
              );
            },
            onError: (error) => this.logger.error(`log checkpoint: ${String(error)}`),
          });
  }

  async onApplicationBootstrap(): Promise<void> {
    const report = (what: string) => (error: unknown) => this.logger.error(`${what}: ${String(error)}`);
    for (const runner of this.projections) await runner.start(report('projection'));
    this.stopMetrics = onScrape(
      'projections',
      this.storage.description.location,
      projectionCollector(this.storage.sql, this.storage.eventStore, this.projections),
    );
    await this.relay.start(report('outbox relay'));
    for (const queue of Object.values(QUEUES)) {
      this.process(queue, (job) => reactionFor(job.name).work(job, this.reactions, this.queues));
    }
    const every = this.config.get('DEADLINE_SWEEP_MS', { infer: true });
    this.sweeper = setInterval(() => void this.promoteDueDeadlines().catch(report('deadline sweep')), every);
    this.reconciler.start(this.config.get('RECONCILE_MS', { infer: true }), report('reconciler'));
    this.checkpoints?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    this.stopMetrics?.();
    await this.checkpoints?.stop();
    this.reconciler.stop();
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
        // A job whose worker dies again and again (a crash it causes, a machine lost twice) is
        // taken over each time rather than failed after one stall; the reconciler is the backstop.
        maxStalledCount: MAX_STALLS,
      },
    );
    // Redis going away mid-job (restarted, emptied) surfaces here; the reconciler redoes what was lost.
    worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
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
