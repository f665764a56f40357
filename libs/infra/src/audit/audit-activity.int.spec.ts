import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '../event-store/event-store.port';
import { migrate } from '../sql/migrations';
import type { SqlClient } from '../sql/sql-client';
import { createPgliteClient } from '../sql/sql-client.pglite';
import { projectionMigrations } from '../projections/projection.migrations';
import { createTestSchema } from '../../../../test/support/postgres';
import { auditActivityMigrations } from './audit-activity.migrations';
import { auditActivityProjection } from './audit-activity.projection';
import { activityPageQuery, SqlAuditActivity } from './audit-activity.sql';
import { decodeActivityCursor } from './audit-activity.port';

const CITIZEN = '12345678Z';
const REVIEWER = '50234567Z';
let position = 0;
const stored = (
  stream: string,
  type: string,
  data: Record<string, unknown>,
  actor: string,
  at: string,
): StoredEvent => ({
  id: randomUUID(),
  stream,
  type,
  schemaVersion: 1,
  data,
  metadata: { actor, actorName: `Name of ${actor}`, role: 'citizen', levelOfAssurance: 'clave-permanente' },
  recordedAt: new Date(at),
  streamVersion: 0,
  position: ++position,
  hash: '0'.repeat(64),
});

/** A case's review and its notification's later steps (which name no case), and a power outside any case. */
function someActivity(caseId: string) {
  const notificationId = randomUUID();
  const notification = `notification-${notificationId}`;
  return [
    stored(`review-${caseId}`, 'ReviewerAssigned', { caseId }, REVIEWER, '2026-11-02T10:00:00.000Z'),
    stored(`review-${caseId}`, 'CaseEvaluated', { caseId }, REVIEWER, '2026-11-03T10:00:00.000Z'),
    stored(
      notification,
      'NotificationMadeAvailable',
      { notificationId, caseId },
      'system:worker',
      '2026-11-04T10:00:00.000Z',
    ),
    stored(notification, 'NotificationAccessed', { notificationId }, CITIZEN, '2026-11-05T10:00:00.000Z'),
    stored(`power-${randomUUID()}`, 'PowerGranted', { powerId: 'p' }, CITIZEN, '2026-11-05T10:00:00.000Z'),
    stored(notification, 'NotificationAccepted', { notificationId }, CITIZEN, '2026-11-06T10:00:00.000Z'),
  ];
}

const backends: [string, () => Promise<{ client: SqlClient; drop: () => Promise<void> }>][] = [
  ['PostgreSQL', () => createTestSchema('audit')],
  [
    'PGlite',
    async () => {
      const client = await createPgliteClient();
      return { client, drop: () => client.close() };
    },
  ],
];

describe.each(backends)('the who-did-what projection (%s)', (_name, open) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  const caseId = randomUUID();
  const events = someActivity(caseId);

  beforeAll(async () => {
    ({ client: sql, drop } = await open());
    await migrate(sql, [...projectionMigrations, ...auditActivityMigrations]);
    for (const event of events) {
      await sql.transaction((tx) => auditActivityProjection.apply(tx, event));
      // Applying the same event twice changes nothing.
      await sql.transaction((tx) => auditActivityProjection.apply(tx, event));
    }
  });
  afterAll(() => drop());

  const activity = () => new SqlAuditActivity(sql);

  it('records every event once, with its actor, role and level of assurance, and the case a notification’s later steps belong to', async () => {
    const { items } = await activity().search({}, { limit: 100 });
    expect(items.map((item) => item.eventId)).toEqual(events.map((event) => event.id));
    expect(items.map((item) => item.caseId)).toEqual([caseId, caseId, caseId, caseId, null, caseId]);
    expect(items[3]).toEqual({
      position: events[3]!.position,
      eventId: events[3]!.id,
      stream: events[3]!.stream,
      type: 'NotificationAccessed',
      caseId,
      actor: CITIZEN,
      actorName: `Name of ${CITIZEN}`,
      role: 'citizen',
      levelOfAssurance: 'clave-permanente',
      recordedAt: new Date('2026-11-05T10:00:00.000Z'),
    });
  });

  it('filters by actor, case, type and time range together, by recorded time', async () => {
    const found = await activity().search(
      {
        actor: CITIZEN,
        caseId,
        from: new Date('2026-11-05T10:00:00.000Z'),
        to: new Date('2026-11-06T10:00:00.000Z'),
      },
      { limit: 10 },
    );
    expect(found.items.map((item) => item.type)).toEqual(['NotificationAccessed', 'NotificationAccepted']);
    const typed = await activity().search({ type: 'CaseEvaluated' }, { limit: 10 });
    expect(typed.items.map((item) => item.eventId)).toEqual([events[1]!.id]);
  });

  it('pages by a cursor that resumes after the last entry, ties in time broken by log position', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await activity().search({}, { limit: 2, cursor });
      seen.push(...page.items.map((item) => item.eventId));
      cursor = page.next ?? undefined;
      if (cursor) expect(decodeActivityCursor(cursor)).toBeDefined();
    } while (cursor);
    expect(seen).toEqual(events.map((event) => event.id));
  });

  it('names the one table a rebuild fills afresh', () => {
    expect(auditActivityProjection.tables).toEqual(['audit_activity']);
  });
});

describe('the who-did-what search on 200,000 events (PostgreSQL)', () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ client: sql, drop } = await createTestSchema('auditx'));
    await migrate(sql, [...projectionMigrations, ...auditActivityMigrations]);
    await sql.query(`
      INSERT INTO audit_activity (position, event_id, stream, type, case_id, actor, actor_name, role, level_of_assurance, recorded_at)
      SELECT g, gen_random_uuid(), 'review-case-' || (g % 20000), (ARRAY['ReviewerAssigned','CaseEvaluated','CaseResolved','InformationRequested','ReviewOpened'])[1 + g % 5],
             'case-' || (g % 20000), 'A' || (g % 800), 'Name', 'reviewer', 'certificate',
             timestamptz '2026-01-01' + g * interval '1 minute'
      FROM generate_series(1, 200000) AS g`);
    await sql.query('ANALYZE audit_activity');
  });
  afterAll(() => drop());

  const planOf = async ({ text, params }: { text: string; params: readonly unknown[] }) => {
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
  const later = { recordedAt: new Date('2026-03-01T00:00:00.000Z'), position: 85_000 };
  const range = { from: new Date('2026-02-01T00:00:00.000Z'), to: new Date('2026-02-08T00:00:00.000Z') };

  const cases: [string, ReturnType<typeof activityPageQuery>, string][] = [
    ['everything, first page', activityPageQuery({}, undefined, 50), 'audit_activity_time'],
    ['everything, a later page', activityPageQuery({}, later, 50), 'audit_activity_time'],
    ['a time range', activityPageQuery(range, undefined, 50), 'audit_activity_time'],
    ['by actor', activityPageQuery({ actor: 'A17' }, undefined, 50), 'audit_activity_actor'],
    ['by actor, a later page', activityPageQuery({ actor: 'A17' }, later, 50), 'audit_activity_actor'],
    [
      'by actor in a range',
      activityPageQuery({ actor: 'A17', ...range }, undefined, 50),
      'audit_activity_actor',
    ],
    ['by case', activityPageQuery({ caseId: 'case-42' }, undefined, 50), 'audit_activity_case'],
    [
      'by case in a range',
      activityPageQuery({ caseId: 'case-42', ...range }, undefined, 50),
      'audit_activity_case',
    ],
    [
      'by type in a range',
      activityPageQuery({ type: 'CaseResolved', ...range }, undefined, 50),
      'audit_activity_type',
    ],
  ];

  it.each(cases)('answers "%s" from its index, never a sequential scan', async (_name, query, index) => {
    const nodes = await planOf(query);
    expect(nodes.filter((node) => node.type === 'Seq Scan')).toEqual([]);
    expect(nodes.filter((node) => INDEX_READS.has(node.type)).map((node) => node.index)).toContain(index);
  });

  it('finds a notification’s case from its stream by index', async () => {
    const nodes = await planOf({
      text: 'SELECT case_id FROM audit_activity WHERE stream = $1 AND case_id IS NOT NULL LIMIT 1',
      params: ['review-case-42'],
    });
    expect(nodes.filter((node) => node.type === 'Seq Scan')).toEqual([]);
    expect(nodes.map((node) => node.index)).toContain('audit_activity_stream');
  });
});
