import type { StoredDomainEvent } from '@expediente/domain';
import type { StoredEvent } from '../event-store/event-store.port';
import { asDomainEvent } from '../event-store/domain-events';
import type { SqlExecutor } from '../sql/sql-client';
import type { SqlProjection } from '../projections/projection';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The case an event belongs to: its own data says so, or (a notification's later steps) its stream's first event did. */
async function caseOf(tx: SqlExecutor, event: StoredDomainEvent): Promise<string | null> {
  switch (event.type) {
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
    case 'ReviewOpened':
    case 'ReviewerAssigned':
    case 'InformationRequested':
    case 'InformationProvided':
    case 'CaseEvaluated':
    case 'CaseResolved':
    case 'ReviewWithdrawn':
    case 'ResolutionIssued':
    case 'CaseClosed':
    case 'DeadlineExpired':
    case 'PaperCopyPosted':
    case 'DocumentRead':
      return event.data.caseId;
    case 'NotificationMadeAvailable':
    case 'AlertSent':
    case 'AlertFailed':
      return event.data.caseId ?? null;
    case 'NotificationAccessed':
    case 'NotificationAccepted':
    case 'NotificationRejected':
    case 'NotificationDeemedRejected': {
      const [row] = await tx.query<{ case_id: string }>(
        'SELECT case_id FROM audit_activity WHERE stream = $1 AND case_id IS NOT NULL LIMIT 1',
        [event.stream],
      );
      return row?.case_id ?? null;
    }
    case 'PowerGranted':
    case 'PowerAccepted':
    case 'PowerRevoked':
    case 'PaperCopiesDeclined':
    case 'PaperCopiesResumed':
      return null;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * Who did what (table audit_activity, migration 070): every event of the log, with the actor,
 * role and level of assurance its metadata records and the case it belongs to. Keyed by log
 * position, so applying an event twice changes nothing.
 */
export const auditActivityProjection: SqlProjection = {
  name: 'audit-activity',
  tables: ['audit_activity'],
  async apply(tx, stored: StoredEvent) {
    const event = asDomainEvent(stored);
    const { metadata } = stored;
    await tx.query(
      `INSERT INTO audit_activity (position, event_id, stream, type, case_id, actor, actor_name, role,
         level_of_assurance, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (position) DO NOTHING`,
      [
        stored.position,
        stored.id,
        stored.stream,
        stored.type,
        event ? await caseOf(tx, event) : null,
        text(metadata.actor),
        text(metadata.actorName),
        text(metadata.role),
        text(metadata.levelOfAssurance),
        stored.recordedAt,
      ],
    );
  },
};
