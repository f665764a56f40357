import { randomBytes, randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { migrate } from '@expediente/infra/sql/migrations';
import type { SqlClient } from '@expediente/infra/sql/sql-client';
import { projectionMigrations } from '@expediente/infra/projections/projection.migrations';
import { SqlProjectionReadModel } from '@expediente/infra/projections/projection-runner';
import {
  outstandingEffectMigrations,
  outstandingEffectsProjection,
} from '@expediente/infra/outbox/outstanding-effects';
import { Reconciler } from '@expediente/infra/outbox/reconciler';
import { createQueue, QUEUES } from '@expediente/infra/queue/queues';
import { AdjustableClock } from '@expediente/infra/clock/clock';
import { createTestSchema } from '../../../../test/support/postgres';
import { effectsOf, EFFECTS, JOBS } from './outbox.routes';

const caseId = randomUUID();
const notificationId = randomUUID();
let position = 0;
const at = (type: string, data: Record<string, unknown>, stream = `case-${caseId}`): StoredEvent => ({
  id: randomUUID(),
  stream,
  type,
  schemaVersion: 1,
  data: { caseId, ...data },
  metadata: {},
  recordedAt: new Date(Date.now() - 60_000),
  streamVersion: 0,
  position: ++position,
  hash: '0'.repeat(64),
});

const submitted = at('ReportsSubmitted', {});
const lifecycle = [
  submitted,
  at('CaseRoutedToUnit', {}),
  at('ProofOfReceiptIssued', {}, `receipt-${caseId}`),
  at('ReviewOpened', {}, `review-${caseId}`),
  at('ReviewerAssigned', {}, `review-${caseId}`),
  at('CaseResolved', {}, `review-${caseId}`),
  at('ResolutionIssued', { documentHash: 'a'.repeat(64), paperCopy: true }, `review-${caseId}`),
  at(
    'NotificationMadeAvailable',
    { notificationId, deemedRejectedAt: '2026-11-12T22:59:59.999Z' },
    `notification-${notificationId}`,
  ),
  at('NotificationAccessed', { notificationId }, `notification-${notificationId}`),
  at('NotificationAccepted', { notificationId }, `notification-${notificationId}`),
  at('AlertSent', { alertId: 'alert-1', notificationId }, 'alert-alert-1'),
  at('PaperCopyPosted', {}, `paper-post-${caseId}`),
  at('CaseClosed', { notificationId }, `review-${caseId}`),
];

describe('outstanding effects (PostgreSQL)', () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  const projection = outstandingEffectsProjection(effectsOf);
  const model = () => new SqlProjectionReadModel(sql, projection);
  const owed = async () =>
    (
      await sql.query<{ effect: string; key: string; cause_event_id: string }>(
        'SELECT effect, key, cause_event_id FROM outstanding_effects ORDER BY effect, key',
      )
    ).map((row) => `${row.effect} ${row.key === caseId ? 'case' : 'notification'} ${row.cause_event_id}`);
  const byName = (events: readonly StoredEvent[], type: string) => events.find((e) => e.type === type)!.id;

  beforeAll(async () => {
    const schema = await createTestSchema('effects');
    sql = schema.client;
    drop = schema.drop;
    await migrate(sql, [...projectionMigrations, ...outstandingEffectMigrations]);
  });
  afterAll(() => drop());
  beforeEach(() => model().reset());

  it('owes each effect from the event that asks for it until the event that shows it done', async () => {
    await model().apply(lifecycle.slice(0, 2));
    expect(await owed()).toEqual([`receipt case ${submitted.id}`, `review-opened case ${lifecycle[1]!.id}`]);
    await model().apply(lifecycle.slice(2, 7));
    expect(await owed()).toEqual([
      `notification case ${byName(lifecycle, 'ResolutionIssued')}`,
      `paper-copy case ${byName(lifecycle, 'ResolutionIssued')}`,
    ]);
    await model().apply(lifecycle.slice(7, 9));
    expect(await owed()).toEqual([
      `alert case ${byName(lifecycle, 'NotificationMadeAvailable')}`,
      `paper-copy case ${byName(lifecycle, 'ResolutionIssued')}`,
    ]);
    await model().apply(lifecycle.slice(9, 11));
    expect(await owed()).toEqual([
      `case-closed notification ${byName(lifecycle, 'NotificationAccepted')}`,
      `paper-copy case ${byName(lifecycle, 'ResolutionIssued')}`,
    ]);
  });

  it('leaves nothing outstanding once a case is closed and its paper copy posted', async () => {
    await model().apply(lifecycle);
    expect(await owed()).toEqual([]);
  });

  it('keeps one deadlines row per review, from its latest clock event, until the letter is out', async () => {
    await model().apply(lifecycle.slice(0, 5));
    expect(await owed()).toEqual([`deadlines case ${byName(lifecycle, 'ReviewerAssigned')}`]);
  });

  it('changes nothing when the same event is applied twice', async () => {
    for (const event of lifecycle.slice(0, 8)) {
      await sql.transaction((tx) => projection.apply(tx, event));
      const once = await owed();
      await sql.transaction((tx) => projection.apply(tx, event));
      expect(await owed()).toEqual(once);
    }
    const before = await owed();
    await model().apply(lifecycle.slice(0, 8)); // redelivered through the checkpoint: skipped
    expect(await owed()).toEqual(before);
  });

  it('owes withdrawing the review only for a withdrawal its review could not record first', async () => {
    const withdrawn = at('ReportsWithdrawn', {
      withdrawnAt: '2026-11-02T10:00:00.000Z',
      reviewPending: true,
    });
    await model().apply([withdrawn]);
    expect(await owed()).toEqual([`review-withdrawn case ${withdrawn.id}`]);
    await model().apply([at('ReviewWithdrawn', {}, `review-${caseId}`)]);
    expect(await owed()).toEqual([]);
    const afterTheReview = at('ReportsWithdrawn', { withdrawnAt: '2026-11-02T10:00:00.000Z' });
    expect(effectsOf(afterTheReview)).toEqual({ requests: [], fulfils: [] });
  });

  it('posts no paper copy to a party who opted out', async () => {
    const optedOut = at('ResolutionIssued', { documentHash: 'b'.repeat(64), paperCopy: false });
    expect(effectsOf(optedOut).requests.map((r) => r.effect)).toEqual([EFFECTS.notification]);
  });
});

/** On the machine's Redis under a prefix of its own: nothing here flushes anything. */
describe('reconciler (PostgreSQL + Redis)', () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  const connections: Redis[] = [];
  const prefix = `reconcile-${randomBytes(4).toString('hex')}`;
  const connect = () => {
    const connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    connections.push(connection);
    return connection;
  };
  let queues: Record<(typeof QUEUES)[keyof typeof QUEUES], Queue>;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    const schema = await createTestSchema('reconcile');
    sql = schema.client;
    drop = schema.drop;
    await migrate(sql, [...projectionMigrations, ...outstandingEffectMigrations]);
    queues = {
      receipts: createQueue(QUEUES.receipts, connect(), prefix),
      reactions: createQueue(QUEUES.reactions, connect(), prefix),
      deadlines: createQueue(QUEUES.deadlines, connect(), prefix),
      'paper-post': createQueue(QUEUES.paperPost, connect(), prefix),
      alerts: createQueue(QUEUES.alerts, connect(), prefix),
    };
  });
  afterAll(async () => {
    for (const queue of Object.values(queues)) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    for (const connection of connections) connection.disconnect();
    await drop();
  });

  it('recreates a lost job once, leaves a live one alone, and retries a failed one', async () => {
    const redrives: string[] = [];
    const reconciler = new Reconciler(sql, queues, clock, {
      graceMs: 1000,
      onRedrive: (effect, count) => redrives.push(`${effect} ${count}`),
    });
    await new SqlProjectionReadModel(sql, outstandingEffectsProjection(effectsOf)).apply([submitted]);
    const jobId = `${submitted.id}-${JOBS.receipt}`;

    expect(await reconciler.reconcile()).toEqual({ receipt: 1 });
    expect(await queues.receipts.getJob(jobId)).toBeDefined();
    expect(await reconciler.reconcile()).toEqual({});
    expect(redrives).toEqual(['receipt 1']);

    await queues.receipts.remove(jobId);
    await queues.receipts.add(JOBS.receipt, {}, { jobId, attempts: 1 });
    let fail = true;
    const worker = new Worker(
      QUEUES.receipts,
      async () => {
        if (fail) throw new Error('renderer down');
      },
      { connection: connect(), prefix },
    );
    try {
      await new Promise((resolve) => worker.once('failed', resolve));
      fail = false;
      expect(await reconciler.reconcile()).toEqual({ receipt: 1 });
      await new Promise((resolve) => worker.once('completed', resolve));
      expect(await (await queues.receipts.getJob(jobId))!.getState()).toBe('completed');
    } finally {
      await worker.close();
    }
  });

  it('re-creates a lost delayed job due when it is due, not now', async () => {
    const reconciler = new Reconciler(sql, queues, clock, { graceMs: 1000 });
    const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const available = at('NotificationMadeAvailable', { notificationId, deemedRejectedAt: dueAt });
    await new SqlProjectionReadModel(sql, outstandingEffectsProjection(effectsOf)).apply([available]);
    const redriven = await reconciler.reconcile();
    expect(redriven[EFFECTS.deemedRejection]).toBe(1);
    const job = await queues.deadlines.getJob(`${available.id}-${JOBS.deemRejected}`);
    expect(await job!.getState()).toBe('delayed');
  });
});
