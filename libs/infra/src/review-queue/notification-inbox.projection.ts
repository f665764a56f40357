import { StoredEvent } from '../event-store/event-store.port';
import { asDomainEvent } from '../event-store/domain-events';
import { SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';

/** Moves a notification from one status to the next, once: the position guard makes a replay a no-op. */
const transition = async (
  tx: SqlExecutor,
  event: { readonly data: { readonly notificationId: string }; readonly position: number },
  from: string,
  to: string,
  column: 'accessed_at' | 'answered_at',
  at: string,
): Promise<void> => {
  await tx.query(
    `UPDATE notification_inbox SET status = $3, ${column} = $4, last_position = $5
     WHERE notification_id = $1 AND status = $2 AND last_position < $5`,
    [event.data.notificationId, from, to, at, event.position],
  );
};

/**
 * The addressees' inbox (table notification_inbox, migration 041): what was made available to
 * whom and where each notification stands. Acting on one always reads its stream; this only lists.
 */
export const notificationInboxProjection: SqlProjection = {
  name: 'notification-inbox',
  tables: ['notification_inbox'],
  async apply(tx, stored: StoredEvent) {
    const event = asDomainEvent(stored);
    if (!event) return;
    switch (event.type) {
      case 'NotificationMadeAvailable': {
        const n = event.data;
        await tx.query(
          `INSERT INTO notification_inbox (notification_id, addressee, case_id, subject, special_category, status,
             made_available_at, last_day_to_access, deemed_rejected_at, last_position)
           VALUES ($1, $2, $3, $4, $5, 'available', $6, $7, $8, $9) ON CONFLICT (notification_id) DO NOTHING`,
          [
            n.notificationId,
            n.addressee,
            n.caseId ?? null,
            n.subject,
            n.specialCategory,
            n.madeAvailableAt,
            n.lastDayToAccess,
            n.deemedRejectedAt,
            event.position,
          ],
        );
        return;
      }
      case 'NotificationAccessed':
        return transition(tx, event, 'available', 'accessed', 'accessed_at', event.data.accessedAt);
      case 'NotificationAccepted':
        return transition(tx, event, 'accessed', 'accepted', 'answered_at', event.data.acceptedAt);
      case 'NotificationRejected':
        return transition(tx, event, 'accessed', 'rejected', 'answered_at', event.data.rejectedAt);
      case 'NotificationDeemedRejected':
        return transition(
          tx,
          event,
          'available',
          'deemed-rejected',
          'answered_at',
          event.data.deemedRejectedAt,
        );
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
      case 'PaperCopyPosted':
      case 'CaseClosed':
      case 'DeadlineExpired':
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
};
