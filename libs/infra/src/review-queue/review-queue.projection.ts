import type { CaseReviewEvent } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { asDomainEvent } from '../event-store/domain-events';
import { SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';
import { QueueEntry, QueueRow, queueEntryAfter } from './review-queue.row';
import type { ReviewClock } from '@expediente/domain';
import type { DeadlineRules } from '../deadlines/deadline-rules';

const COLUMNS = `case_id AS "caseId", unit_id AS "unitId", procedure, province_code AS "provinceCode",
  reviewer_id AS "reviewerId", status, to_json(opened_at) #>> '{}' AS "openedAt",
  to_json(status_changed_at) #>> '{}' AS "statusChangedAt", routed_on::text AS "routedOn",
  due_step AS "dueStep", due_on::text AS "dueOn", overdue, paused_since::text AS "pausedSince",
  paused_days AS "pausedDays", to_json(resolved_at) #>> '{}' AS "resolvedAt", outcome,
  clock, last_position AS "lastPosition"`;

async function write(tx: SqlExecutor, { row, clock }: QueueEntry, position: number): Promise<void> {
  await tx.query(
    `INSERT INTO review_queue (case_id, unit_id, procedure, province_code, reviewer_id, status, opened_at,
       status_changed_at, routed_on, due_step, due_on, overdue, paused_since, paused_days, resolved_at,
       outcome, clock, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (case_id) DO UPDATE SET reviewer_id = EXCLUDED.reviewer_id, status = EXCLUDED.status,
       status_changed_at = EXCLUDED.status_changed_at, due_step = EXCLUDED.due_step, due_on = EXCLUDED.due_on,
       overdue = EXCLUDED.overdue, paused_since = EXCLUDED.paused_since, paused_days = EXCLUDED.paused_days,
       resolved_at = EXCLUDED.resolved_at, outcome = EXCLUDED.outcome, clock = EXCLUDED.clock,
       last_position = EXCLUDED.last_position
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
      JSON.stringify(clock),
      position,
    ],
  );
}

type StoredRow = QueueRow & { readonly clock: ReviewClock; readonly lastPosition: string };

const entryOf = ({ clock, lastPosition: _applied, ...row }: StoredRow): QueueEntry => ({ row, clock });

/** Reads the case's row, applies the event unless the row already has it, writes it back. */
async function applyReviewEvent(
  tx: SqlExecutor,
  event: CaseReviewEvent,
  position: number,
  rules: DeadlineRules,
): Promise<void> {
  const [current] = await tx.query<StoredRow>(
    `SELECT ${COLUMNS} FROM review_queue WHERE case_id = $1 FOR UPDATE`,
    [event.data.caseId],
  );
  if (current && Number(current.lastPosition) >= position) return;
  const next = queueEntryAfter(current && entryOf(current), event, rules);
  if (next) await write(tx, next, position);
}

/**
 * The medical units' queue (table review_queue, migration 040): one row per case under
 * review. Each row remembers the last event it applied, so an event applied twice — a
 * redelivery the checkpoint would skip anyway, or a rebuild over live data — changes nothing.
 */
export const reviewQueueProjection = (rules: DeadlineRules): SqlProjection => ({
  name: 'review-queue',
  tables: ['review_queue'],
  async apply(tx, stored: StoredEvent) {
    const event = asDomainEvent(stored);
    if (!event) return;
    switch (event.type) {
      case 'ReviewOpened':
      case 'ReviewerAssigned':
      case 'InformationRequested':
      case 'InformationProvided':
      case 'CaseEvaluated':
      case 'CaseResolved':
      case 'ResolutionIssued':
      case 'CaseClosed':
      case 'ReviewWithdrawn':
      case 'DeadlineExpired':
        return applyReviewEvent(tx, event, event.position, rules);
      case 'ReportDraftCreated':
      case 'ReportDraftUpdated':
      case 'ReportDocumentAttached':
      case 'ReportDocumentRemoved':
      case 'ReportsSubmitted':
      case 'ReportsWithdrawn':
      case 'EntitlementDraftCreated':
      case 'EntitlementDraftUpdated':
      case 'EntitlementDocumentAttached':
      case 'EntitlementDocumentRemoved':
      case 'EntitlementApplicationSubmitted':
      case 'EntitlementApplicationWithdrawn':
      case 'CaseRoutedToUnit':
      case 'ProofOfReceiptIssued':
      case 'PaperCopyPosted':
      case 'NotificationMadeAvailable':
      case 'NotificationAccessed':
      case 'NotificationAccepted':
      case 'NotificationRejected':
      case 'NotificationDeemedRejected':
      case 'PowerGranted':
      case 'PowerAccepted':
      case 'PowerRevoked':
      case 'AlertSent':
      case 'AlertFailed':
      case 'DocumentRead':
      case 'PaperCopiesDeclined':
      case 'PaperCopiesResumed':
        return;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
});
