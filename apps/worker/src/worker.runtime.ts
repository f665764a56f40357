import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { TypedConfig } from '@expediente/infra/infra.module';
import { createQueue, DEFAULT_JOB_OPTIONS, QUEUES } from '@expediente/infra/queue/queues';
import { createRedis } from '@expediente/infra/queue/redis';
import { OutboxRelay } from '@expediente/infra/outbox/outbox-relay';
import { Reconciler } from '@expediente/infra/outbox/reconciler';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { JOBS, outboxRoutes, WorkerQueues } from './outbox/outbox.routes';
import { ReceiptIssuer } from './receipts/receipt-issuer';
import { projectionRunners } from './projections';
import type { ReadModelRunner } from '@expediente/infra/projections/read-model-runner';
import { STORAGE, Storage } from '@expediente/infra/storage/storage';
import { Reactions } from './reactions/reactions';
import { PaperPost } from './paper-post/paper-post';

type JobData = Record<string, string>;

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
  /** Jobs the reconciler recreated or retried since start, per effect (a metric's source). */
  readonly redriven: Record<string, number> = {};
  /** BullMQ never closes a connection it was handed, so the runtime does. */
  private readonly connections: Redis[] = [];
  private sweeper?: NodeJS.Timeout;

  constructor(
    @Inject(STORAGE) storage: Storage,
    @Inject(ConfigService) private readonly config: TypedConfig,
    @Inject(PDF_RENDERER) private readonly pdf: PdfRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_RULES) rules: DeadlineRules,
    private readonly receipts: ReceiptIssuer,
    private readonly reactions: Reactions,
    private readonly paperPost: PaperPost,
  ) {
    const prefix = config.get('QUEUE_PREFIX', { infer: true });
    this.queues = {
      [QUEUES.receipts]: createQueue(QUEUES.receipts, this.connect(), prefix),
      [QUEUES.reactions]: createQueue(QUEUES.reactions, this.connect(), prefix),
      [QUEUES.deadlines]: createQueue(QUEUES.deadlines, this.connect(), prefix),
      [QUEUES.paperPost]: createQueue(QUEUES.paperPost, this.connect(), prefix),
    };
    this.projections = Object.values(projectionRunners(storage, rules));
    this.relay = new OutboxRelay(storage.eventStore, storage.sql, outboxRoutes(this.queues, clock));
    this.reconciler = new Reconciler(storage.sql, this.queues, clock, {
      graceMs: config.get('RECONCILE_MS', { infer: true }),
      onRedrive: (effect, count) => {
        this.redriven[effect] = (this.redriven[effect] ?? 0) + count;
        this.logger.warn(`re-drove ${count} ${effect} job(s) the queue had lost or failed`);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const report = (what: string) => (error: unknown) => this.logger.error(`${what}: ${String(error)}`);
    for (const runner of this.projections) await runner.start(report('projection'));
    await this.relay.start(report('outbox relay'));
    this.process(QUEUES.receipts, (job) => this.receipts.issue(job.data.caseId!, job.data.eventId!));
    this.process(QUEUES.reactions, (job) => this.react(job));
    this.process(QUEUES.deadlines, (job) =>
      job.name === JOBS.deemRejected
        ? this.reactions.deemRejected(job.data.notificationId!)
        : this.reactions.recordDeadlineExpired(job.data.caseId!, job.data.step!, job.data.dueOn!),
    );
    this.process(QUEUES.paperPost, (job) =>
      this.paperPost.post(job.data.caseId!, job.data.documentHash!, job.data.eventId!),
    );
    const every = this.config.get('DEADLINE_SWEEP_MS', { infer: true });
    this.sweeper = setInterval(() => void this.promoteDueDeadlines().catch(report('deadline sweep')), every);
    this.reconciler.start(this.config.get('RECONCILE_MS', { infer: true }), report('reconciler'));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
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
    for (const job of await this.queues[QUEUES.deadlines].getDelayed(0, 999)) {
      if (new Date((job.data as JobData).dueAt!).getTime() <= now) {
        await job.promote().catch(() => undefined);
        promoted += 1;
      }
    }
    return promoted;
  }

  private async react(job: Job<JobData>): Promise<unknown> {
    const { caseId, eventId } = job.data as { caseId: string; eventId: string };
    switch (job.name) {
      case JOBS.openReview:
        return this.reactions.openReview(caseId, eventId);
      case JOBS.issueResolution:
        return this.reactions.issueResolution(caseId, eventId);
      case JOBS.notify:
        return this.reactions.makeNotificationAvailable(caseId, eventId);
      case JOBS.closeCase:
        return this.reactions.closeCase(job.data.notificationId!, eventId);
      case JOBS.scheduleDeadlines: {
        const deadlines = await this.reactions.deadlinesOf(caseId);
        const now = this.clock.now().getTime();
        await Promise.all(
          deadlines.map((d) =>
            this.queues[QUEUES.deadlines].add(JOBS.deadline, d.data, {
              jobId: d.jobId,
              delay: Math.max(0, d.dueAt.getTime() - now),
            }),
          ),
        );
        return deadlines.length;
      }
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }

  private process(queue: string, handler: (job: Job<JobData>) => Promise<unknown>): void {
    const worker = new Worker<JobData>(queue, handler, {
      connection: this.connect(),
      prefix: this.config.get('QUEUE_PREFIX', { infer: true }),
      concurrency: 2,
      lockDuration: this.config.get('JOB_LOCK_MS', { infer: true }),
      stalledInterval: this.config.get('JOB_LOCK_MS', { infer: true }),
      // A job whose worker dies again and again (a crash it causes, a machine lost twice) is
      // taken over each time rather than failed after one stall; the reconciler is the backstop.
      maxStalledCount: MAX_STALLS,
    });
    // Redis going away mid-job (restarted, emptied) surfaces here; the reconciler redoes what was lost.
    worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
    worker.on('failed', (job, error) =>
      this.logger.warn(`${queue} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
    );
    this.workers.push(worker);
  }

  private connect(): Redis {
    const connection = createRedis(this.config.get('REDIS_URL', { infer: true }));
    this.connections.push(connection);
    return connection;
  }
}
