import { randomUUID } from 'node:crypto';
import { reviewDeadlines, type CaseReviewEvent, type StepDeadline } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { migrate } from '../sql/migrations';
import { SqlClient } from '../sql/sql-client';
import { projectionMigrations } from '../projections/projection.migrations';
import { SqlProjection } from '../projections/projection';
import { createTestSchema } from '../../../../test/support/postgres';
import { reviewQueueMigrations } from './review-queue.migrations';
import { reviewQueueProjection } from './review-queue.projection';
import { DEFAULT_DEADLINE_RULES } from '../deadlines/deadline-rules';
import { notificationInboxProjection } from './notification-inbox.projection';
import { insertSyntheticQueue } from './review-queue.synthetic';
import { queuePageQuery, QUEUE_QUERIES, ReviewQueue } from './review-queue';
import { OPEN_STATUSES } from './review-queue.row';

let position = 0;
const stored = (stream: string, event: { type: string; data: unknown }): StoredEvent => ({
  id: randomUUID(),
  stream,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: {},
  recordedAt: new Date(),
  streamVersion: 0,
  position: ++position,
  hash: '0'.repeat(64),
});

/** A review in province 28, routed on Monday 2 November 2026, through a request answered three business days later. */
const reviewEvents = (caseId: string): CaseReviewEvent[] => [
  {
    type: 'ReviewOpened',
    data: {
      caseId,
      procedure: 'medical-report-submission',
      provinceCode: '28',
      unit: { kind: 'INSS', id: 'INSS-28', name: 'INSS Madrid' },
      subject: '12345678Z',
      filer: '12345678Z',
      routedAt: '2026-11-02T09:00:00.000Z',
      openedAt: '2026-11-02T09:00:05.000Z',
    },
  },
  {
    type: 'ReviewerAssigned',
    data: {
      caseId,
      reviewerId: '50234567Z',
      previousReviewerId: null,
      assignedBy: '50123456Q',
      assignedAt: '2026-11-03T10:00:00.000Z',
    },
  },
  {
    type: 'InformationRequested',
    data: {
      caseId,
      requestedBy: '50234567Z',
      requested: 'Informe',
      dueOn: '2026-11-24',
      requestedAt: '2026-11-10T10:00:00.000Z',
    },
  },
  {
    type: 'InformationProvided',
    data: {
      caseId,
      providedBy: '12345678Z',
      attachments: [],
      statement: 'Adjunto',
      signedWith: 'certificate',
      providedAt: '2026-11-13T10:00:00.000Z',
    },
  },
];

describe('review queue projection (PostgreSQL)', () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const schema = await createTestSchema('rq');
    sql = schema.client;
    drop = schema.drop;
    await migrate(sql, [...projectionMigrations, ...reviewQueueMigrations]);
  });
  afterAll(() => drop());

  const apply = (projection: SqlProjection, event: StoredEvent) =>
    sql.transaction((tx) => projection.apply(tx, event));
  const rowOf = async (table: string, key: string, id: string) =>
    (await sql.query(`SELECT * FROM ${table} WHERE ${key} = $1`, [id]))[0];

  it('shows the running step’s due date as the domain counts it, pauses included', async () => {
    const caseId = randomUUID();
    const events = reviewEvents(caseId);
    for (let n = 1; n <= events.length; n++) {
      await apply(reviewQueueProjection(DEFAULT_DEADLINE_RULES), stored(`review-${caseId}`, events[n - 1]!));
      const running = reviewDeadlines(
        events.slice(0, n),
        DEFAULT_DEADLINE_RULES.policy,
        DEFAULT_DEADLINE_RULES.calendar,
      ).find(
        (deadline): deadline is Extract<StepDeadline, { state: 'running' }> => deadline.state === 'running',
      );
      const [row] = await sql.query<{ due_step: string; due_on: string }>(
        'SELECT due_step, due_on::text FROM review_queue WHERE case_id = $1',
        [caseId],
      );
      expect(row).toEqual({ due_step: running!.step, due_on: running!.dueOn });
    }
  });

  it('changes nothing when the same event is applied twice, or an older one again', async () => {
    const caseId = randomUUID();
    const events = reviewEvents(caseId).map((event) => stored(`review-${caseId}`, event));
    for (const event of events) {
      await apply(reviewQueueProjection(DEFAULT_DEADLINE_RULES), event);
      const once = await rowOf('review_queue', 'case_id', caseId);
      await apply(reviewQueueProjection(DEFAULT_DEADLINE_RULES), event);
      expect(await rowOf('review_queue', 'case_id', caseId)).toEqual(once);
    }
    const last = await rowOf('review_queue', 'case_id', caseId);
    await apply(reviewQueueProjection(DEFAULT_DEADLINE_RULES), events[1]!);
    expect(await rowOf('review_queue', 'case_id', caseId)).toEqual(last);
    expect(last).toMatchObject({ status: 'assigned', reviewer_id: '50234567Z', paused_days: 3 });

    const notificationId = randomUUID();
    const stream = `notification-${notificationId}`;
    const inbox = [
      stored(stream, {
        type: 'NotificationMadeAvailable',
        data: {
          notificationId,
          addressee: '12345678Z',
          subject: 'Resolución',
          caseId,
          documentHash: 'a'.repeat(64),
          specialCategory: true,
          madeAvailableAt: '2026-11-20T10:00:00.000Z',
          lastDayToAccess: '2026-11-30',
          deemedRejectedAt: '2026-11-30T23:00:00.000Z',
        },
      }),
      stored(stream, {
        type: 'NotificationAccessed',
        data: { notificationId, actedBy: '12345678Z', accessedAt: '2026-11-21T10:00:00.000Z' },
      }),
      stored(stream, {
        type: 'NotificationAccepted',
        data: { notificationId, actedBy: '12345678Z', acceptedAt: '2026-11-21T10:05:00.000Z' },
      }),
    ];
    for (const event of inbox) {
      await apply(notificationInboxProjection, event);
      const once = await rowOf('notification_inbox', 'notification_id', notificationId);
      await apply(notificationInboxProjection, event);
      expect(await rowOf('notification_inbox', 'notification_id', notificationId)).toEqual(once);
    }
    expect(await rowOf('notification_inbox', 'notification_id', notificationId)).toMatchObject({
      status: 'accepted',
    });
  });

  describe('with 50,000 cases in 50 units', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const units = Array.from({ length: 50 }, (_, i) => `INSS-${String(i + 1).padStart(2, '0')}`);

    beforeAll(async () => {
      await sql.query('DELETE FROM review_queue');
      await insertSyntheticQueue(sql, { from: 1, count: 50_000, units, now });
      await sql.query('ANALYZE review_queue');
    });

    /** Every node of the plan, with the index it reads when it reads one. */
    const planOf = async (text: string, params: readonly unknown[]) => {
      const [row] = await sql.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
      const nodes: { type: string; index?: string }[] = [];
      const walk = (node: Record<string, unknown>) => {
        nodes.push({ type: node['Node Type'] as string, index: node['Index Name'] as string | undefined });
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk((row!['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan);
      return nodes;
    };
    const INDEX_READS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);

    const page = (
      filters: Parameters<typeof queuePageQuery>[1],
      cursor?: { dueKey: string; caseId: string },
    ) => queuePageQuery('INSS-07', filters, cursor, '2026-11-23', 50);
    const cases: [string, string, readonly unknown[], string][] = [
      ['unassigned', QUEUE_QUERIES.unassigned, ['INSS-07'], 'review_queue_unit_status'],
      ['awaiting citizen', QUEUE_QUERIES.awaitingCitizen, ['INSS-07'], 'review_queue_unit_status'],
      [
        'mine',
        QUEUE_QUERIES.mine,
        ['INSS-07', 'R00000003', ['assigned', 'awaiting-citizen', 'evaluated']],
        'review_queue_unit_reviewer',
      ],
      ['overdue', QUEUE_QUERIES.overdue, ['INSS-07', '2026-11-23'], 'review_queue_unit_due'],
      ['ageing', QUEUE_QUERIES.ageing, ['INSS-07', OPEN_STATUSES, now, now, now], 'review_queue_unit_status'],
      [
        'resolved per week',
        QUEUE_QUERIES.resolvedPerWeek,
        ['INSS-07', new Date('2026-09-01')],
        'review_queue_unit_resolved',
      ],
      ['backlog', QUEUE_QUERIES.backlog, ['INSS-07', OPEN_STATUSES], 'review_queue_unit_status'],
      ['overdue by step', QUEUE_QUERIES.overdueByStep, ['INSS-07', '2026-11-23'], 'review_queue_unit_due'],
      [
        'workload',
        QUEUE_QUERIES.workload,
        ['INSS-07', OPEN_STATUSES, '2026-11-23'],
        'review_queue_unit_status',
      ],
      [
        'notification limit',
        QUEUE_QUERIES.notificationLimit,
        ['INSS-07', 'notifyResolution', '2026-11-23'],
        'review_queue_unit_due',
      ],
      ['first page', page({}).text, page({}).params, 'review_queue_unit_due_key'],
      [
        'a later page',
        page({}, { dueKey: '2026-06-01', caseId: 'm' }).text,
        page({}, { dueKey: '2026-06-01', caseId: 'm' }).params,
        'review_queue_unit_due_key',
      ],
      [
        'page by status',
        page({ status: 'open' }).text,
        page({ status: 'open' }).params,
        'review_queue_unit_status_due_key',
      ],
      [
        'page by reviewer',
        page({ reviewerId: 'R00000003' }).text,
        page({ reviewerId: 'R00000003' }).params,
        'review_queue_unit_reviewer_due_key',
      ],
    ];

    it.each(cases)(
      'answers "%s" from its index, never a sequential scan',
      async (_name, text, params, index) => {
        const nodes = await planOf(text, params);
        expect(nodes.filter((node) => node.type === 'Seq Scan')).toEqual([]);
        // The named index or a wider one that starts with the same columns (e.g. …_due_key).
        const indexes = nodes.filter((node) => INDEX_READS.has(node.type)).map((node) => String(node.index));
        expect(indexes.some((used) => used.startsWith(index))).toBe(true);
      },
    );

    it('pages overdue cases without a sequential scan', async () => {
      const nodes = await planOf(page({ overdue: true }).text, page({ overdue: true }).params);
      expect(nodes.filter((node) => node.type === 'Seq Scan')).toEqual([]);
      expect(nodes.some((node) => INDEX_READS.has(node.type))).toBe(true);
    });

    it('counts a unit’s dashboard from the rows of that unit only', async () => {
      const queue = new ReviewQueue(sql);
      const dashboard = await queue.dashboard('INSS-07', 'R00000003', now);
      const [expected] = await sql.query<Record<string, string>>(
        `SELECT count(*) FILTER (WHERE status = 'open') AS unassigned,
                count(*) FILTER (WHERE status = 'awaiting-citizen') AS awaiting,
                count(*) FILTER (WHERE due_on < '2026-11-23') AS overdue,
                count(*) FILTER (WHERE status = ANY($2::text[])) AS open
         FROM review_queue WHERE unit_id = $1`,
        ['INSS-07', OPEN_STATUSES],
      );
      expect(dashboard.counts).toMatchObject({
        unassigned: Number(expected!.unassigned),
        awaitingCitizen: Number(expected!.awaiting),
        overdue: Number(expected!.overdue),
      });
      expect(Object.values(dashboard.ageing).reduce((a, b) => a + b, 0)).toBe(Number(expected!.open));
      expect(dashboard.resolvedPerWeek).toHaveLength(12);
    });
  });
});
