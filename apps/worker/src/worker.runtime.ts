import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { TypedConfig } from '@expediente/infra/infra.module';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { createQueue, QUEUES } from '@expediente/infra/queue/queues';
import { createRedis } from '@expediente/infra/queue/redis';
import { OutboxRelay } from '@expediente/infra/outbox/outbox-relay';
import { ReadModelRunner } from '@expediente/infra/projections/read-model-runner';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { outboxRoutes, RECEIPT_JOB } from './outbox/outbox.routes';
import { ReceiptIssuer } from './receipts/receipt-issuer';

/**
 * What the worker runs: read-model projections, the outbox relay from the log
 * to BullMQ, and the job processors. Shutdown stops intake first and lets
 * in-flight jobs finish (BullMQ's close waits for them).
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly queues: { receipts: Queue };
  private readonly workers: Worker[] = [];
  private readonly projections: ReadModelRunner[];
  private readonly relay: OutboxRelay;
  /** BullMQ never closes a connection it was handed, so the runtime does. */
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CASE_STATUS_READ_MODEL) caseStatus: CaseStatusReadModel,
    @Inject(ConfigService) private readonly config: TypedConfig,
    @Inject(PDF_RENDERER) private readonly pdf: PdfRenderer,
    private readonly receipts: ReceiptIssuer,
  ) {
    const prefix = config.get('QUEUE_PREFIX', { infer: true });
    this.queues = { receipts: createQueue(QUEUES.receipts, this.connect(), prefix) };
    this.projections = [new ReadModelRunner(store, caseStatus)];
    this.relay = new OutboxRelay(store, sql, outboxRoutes(this.queues));
  }

  async onApplicationBootstrap(): Promise<void> {
    const report = (what: string) => (error: unknown) => this.logger.error(`${what}: ${String(error)}`);
    for (const runner of this.projections) await runner.start(report('projection'));
    await this.relay.start(report('outbox relay'));
    this.workers.push(
      new Worker(
        QUEUES.receipts,
        async (job) => {
          if (job.name !== RECEIPT_JOB) throw new Error(`unknown job ${job.name}`);
          const { caseId, eventId } = job.data as { caseId: string; eventId: string };
          return this.receipts.issue(caseId, eventId);
        },
        {
          connection: this.connect(),
          prefix: this.config.get('QUEUE_PREFIX', { infer: true }),
          concurrency: 2,
        },
      ),
    );
    for (const worker of this.workers)
      worker.on('failed', (job, error) => this.logger.warn(`job ${job?.id} failed: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    for (const runner of this.projections) await runner.stop();
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all(Object.values(this.queues).map((queue) => queue.close()));
    for (const connection of this.connections) connection.disconnect();
    await this.pdf.close();
  }

  private connect(): Redis {
    const connection = createRedis(this.config.get('REDIS_URL', { infer: true }));
    this.connections.push(connection);
    return connection;
  }
}
