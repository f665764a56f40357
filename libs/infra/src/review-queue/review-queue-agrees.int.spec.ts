import { randomUUID } from 'node:crypto';
import {
  caseReviewDecider,
  resolvedAtOf,
  reviewDeadlines,
  type CaseReviewEvent,
  type StepDeadline,
} from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { migrate } from '../sql/migrations';
import { SqlClient } from '../sql/sql-client';
import { projectionMigrations } from '../projections/projection.migrations';
import { createTestSchema } from '../../../../test/support/postgres';
import { DEFAULT_DEADLINE_RULES } from '../deadlines/deadline-rules';
import { reviewQueueMigrations } from './review-queue.migrations';
import { reviewQueueProjection } from './review-queue.projection';

let position = 0;
const stored = (caseId: string, event: CaseReviewEvent): StoredEvent => ({
  id: randomUUID(),
  stream: `review-${caseId}`,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: {},
  recordedAt: new Date(),
  streamVersion: 0,
  position: ++position,
  hash: '0'.repeat(64),
});

const at = (day: string) => `2026-${day}T10:00:00.000Z`;

/** Histories that touch every status and every deadline: the row must read as the domain folds them. */
const histories: Record<string, (caseId: string) => CaseReviewEvent[]> = {
  'assignment late, an unanswered request, then resolved, issued and closed': (caseId) => [
    opened(caseId),
    {
      type: 'DeadlineExpired',
      data: { caseId, step: 'assign', dueOn: '2026-11-09', recordedAt: at('11-10') },
    },
    assigned(caseId, '50234567Z', at('11-11')),
    assigned(caseId, '50345678Z', at('11-12')),
    {
      type: 'InformationRequested',
      data: { caseId, requestedBy: 'R', requested: 'Informe', dueOn: '2026-11-27', requestedAt: at('11-13') },
    },
    {
      type: 'DeadlineExpired',
      data: { caseId, step: 'citizenAnswer', dueOn: '2026-11-27', recordedAt: at('11-30') },
    },
    { type: 'CaseEvaluated', data: { caseId, evaluatedBy: 'R', findings: 'F', evaluatedAt: at('12-01') } },
    {
      type: 'CaseResolved',
      data: {
        caseId,
        resolvedBy: 'R',
        outcome: 'granted',
        grounds: 'G',
        legalBasis: 'L',
        resolvedAt: at('12-02'),
      },
    },
    {
      type: 'ResolutionIssued',
      data: {
        caseId,
        documentHash: 'a'.repeat(64),
        signatureHash: 'b'.repeat(64),
        csv: 'CSV',
        issuedAt: at('12-03'),
      },
    },
    {
      type: 'CaseClosed',
      data: {
        caseId,
        notificationId: randomUUID(),
        notificationOutcome: 'accepted',
        notifiedAt: at('12-04'),
        closedAt: at('12-04'),
      },
    },
  ],
  'withdrawn while waiting on the citizen': (caseId) => [
    opened(caseId),
    assigned(caseId, '50234567Z', at('11-03')),
    {
      type: 'InformationRequested',
      data: { caseId, requestedBy: 'R', requested: 'Informe', dueOn: '2026-11-24', requestedAt: at('11-10') },
    },
    { type: 'ReviewWithdrawn', data: { caseId, withdrawnBy: '12345678Z', withdrawnAt: at('11-12') } },
  ],
};

function opened(caseId: string): CaseReviewEvent {
  return {
    type: 'ReviewOpened',
    data: {
      caseId,
      procedure: 'entitlement-application',
      provinceCode: '08',
      unit: { kind: 'ICAM', id: 'ICAM', name: 'ICAM' },
      subject: '12345678Z',
      filer: '12345678Z',
      routedAt: at('11-02'),
      openedAt: at('11-02'),
    },
  };
}

function assigned(caseId: string, reviewerId: string, assignedAt: string): CaseReviewEvent {
  return {
    type: 'ReviewerAssigned',
    data: { caseId, reviewerId, previousReviewerId: null, assignedBy: '50123456Q', assignedAt },
  };
}

describe('review queue row and the domain', () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const schema = await createTestSchema('rqd');
    sql = schema.client;
    drop = schema.drop;
    await migrate(sql, [...projectionMigrations, ...reviewQueueMigrations]);
  });
  afterAll(() => drop());

  it.each(Object.entries(histories))(
    'reads status, reviewer, resolution and due date as the domain does after every event: %s',
    async (_name, history) => {
      const caseId = randomUUID();
      const events = history(caseId);
      const projection = reviewQueueProjection(DEFAULT_DEADLINE_RULES);
      const statuses: string[] = [];
      for (let n = 1; n <= events.length; n++) {
        await sql.transaction((tx) => projection.apply(tx, stored(caseId, events[n - 1]!)));
        const soFar = events.slice(0, n);
        const review = soFar.reduce(caseReviewDecider.evolve, caseReviewDecider.initialState());
        if (review.status === 'none') throw new Error('the history opens the review first');
        const running = reviewDeadlines(
          soFar,
          DEFAULT_DEADLINE_RULES.policy,
          DEFAULT_DEADLINE_RULES.calendar,
        ).find(
          (deadline): deadline is Extract<StepDeadline, { state: 'running' }> => deadline.state === 'running',
        );
        const [row] = await sql.query(
          `SELECT status, reviewer_id, due_step, due_on::text, overdue, resolved_at
           FROM review_queue WHERE case_id = $1`,
          [caseId],
        );
        expect(row).toEqual({
          status: review.status,
          reviewer_id: 'reviewerId' in review ? review.reviewerId : null,
          due_step: running?.step ?? null,
          due_on: running?.dueOn ?? null,
          overdue: review.expiredDeadlines.some(
            (d) => d.step === running?.step && d.dueOn === running?.dueOn,
          ),
          resolved_at: resolvedAtOf(review) && new Date(resolvedAtOf(review)!),
        });
        statuses.push(review.status);
      }
      expect(new Set(statuses).size).toBeGreaterThan(2);
    },
  );
});
