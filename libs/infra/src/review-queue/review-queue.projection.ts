import type { CaseReviewEvent } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';
import { QueueRow, queueRowAfter } from './review-queue.row';
import type { DeadlineRules } from '../deadlines/deadline-rules';

const REVIEW_EVENTS: ReadonlySet<string> = new Set<CaseReviewEvent['type']>([
  'ReviewOpened',
  'ReviewerAssigned',
  'InformationRequested',
  'InformationProvided',
  'CaseEvaluated',
  'CaseResolved',
  'ResolutionIssued',
  'CaseClosed',
  'ReviewWithdrawn',
  'DeadlineExpired',
]);

const COLUMNS = `case_id AS "caseId", unit_id AS "unitId", procedure, province_code AS "provinceCode",
  reviewer_id AS "reviewerId", status, to_json(opened_at) #>> '{}' AS "openedAt",
  to_json(status_changed_at) #>> '{}' AS "statusChangedAt", routed_on::text AS "routedOn",
  due_step AS "dueStep", due_on::text AS "dueOn", overdue, paused_since::text AS "pausedSince",
  paused_days AS "pausedDays", to_json(resolved_at) #>> '{}' AS "resolvedAt", outcome,
  last_position AS "lastPosition"`;

async function write(tx: SqlExecutor, row: QueueRow, position: number): Promise<void> {
  await tx.query(
    `INSERT INTO review_queue (case_id, unit_id, procedure, province_code, reviewer_id, status, opened_at,
       status_changed_at, routed_on, due_step, due_on, overdue, paused_since, paused_days, resolved_at,
       outcome, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (case_id) DO UPDATE SET reviewer_id = EXCLUDED.reviewer_id, status = EXCLUDED.status,
       status_changed_at = EXCLUDED.status_changed_at, due_step = EXCLUDED.due_step, due_on = EXCLUDED.due_on,
       overdue = EXCLUDED.overdue, paused_since = EXCLUDED.paused_since, paused_days = EXCLUDED.paused_days,
       resolved_at = EXCLUDED.resolved_at, outcome = EXCLUDED.outcome, last_position = EXCLUDED.last_position
     WHERE review_queue.last_position < EXCLUDED.last_position`,
    [
      row.caseId,
      row.unitId,
      row.procedure,
      row.provinceCode,
      row.reviewerId,
      row.status,
      row.openedAt,
      row.statusChangedAt,
      row.routedOn,
      row.dueStep,
      row.dueOn,
      row.overdue,
      row.pausedSince,
      row.pausedDays,
      row.resolvedAt,
      row.outcome,
      position,
    ],
  );
}

/**
 * The medical units' queue (table review_queue, migration 040): one row per case under
 * review. Each row remembers the last event it applied, so an event applied twice — a
 * redelivery the checkpoint would skip anyway, or a rebuild over live data — changes nothing.
 */
export const reviewQueueProjection = (rules: DeadlineRules): SqlProjection => ({
  name: 'review-queue',
  async apply(tx, event: StoredEvent) {
    if (!event.stream.startsWith('review-') || !REVIEW_EVENTS.has(event.type)) return;
    const reviewEvent = { type: event.type, data: event.data } as CaseReviewEvent;
    const caseId = (event.data as { caseId: string }).caseId;
    const [current] = await tx.query<QueueRow & { lastPosition: string }>(
      `SELECT ${COLUMNS} FROM review_queue WHERE case_id = $1 FOR UPDATE`,
      [caseId],
    );
    if (current && Number(current.lastPosition) >= event.position) return;
    const next = queueRowAfter(current, reviewEvent, rules);
    if (next) await write(tx, next, event.position);
  },
  async reset(tx) {
    await tx.query('DELETE FROM review_queue');
  },
});
