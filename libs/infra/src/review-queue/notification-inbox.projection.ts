import type { NotificationEvent } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';

/** Moves a notification from one status to the next, once: the position guard makes a replay a no-op. */
const transition = async (
  tx: SqlExecutor,
  event: StoredEvent,
  from: string,
  to: string,
  column: 'accessed_at' | 'answered_at',
  at: string,
): Promise<void> => {
  await tx.query(
    `UPDATE notification_inbox SET status = $3, ${column} = $4, last_position = $5
     WHERE notification_id = $1 AND status = $2 AND last_position < $5`,
    [(event.data as { notificationId: string }).notificationId, from, to, at, event.position],
  );
};

/**
 * The addressees' inbox (table notification_inbox, migration 041): what was made available to
 * whom and where each notification stands. Acting on one always reads its stream; this only lists.
 */
export const notificationInboxProjection: SqlProjection = {
  name: 'notification-inbox',
  async apply(tx, event: StoredEvent) {
    if (!event.stream.startsWith('notification-')) return;
    const typed = { type: event.type, data: event.data } as NotificationEvent;
    switch (typed.type) {
      case 'NotificationMadeAvailable': {
        const n = typed.data;
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
        return transition(tx, event, 'available', 'accessed', 'accessed_at', typed.data.accessedAt);
      case 'NotificationAccepted':
        return transition(tx, event, 'accessed', 'accepted', 'answered_at', typed.data.acceptedAt);
      case 'NotificationRejected':
        return transition(tx, event, 'accessed', 'rejected', 'answered_at', typed.data.rejectedAt);
      case 'NotificationDeemedRejected':
        return transition(
          tx,
          event,
          'available',
          'deemed-rejected',
          'answered_at',
          typed.data.deemedRejectedAt,
        );
      default: {
        const unknown: never = typed;
        return unknown;
      }
    }
  },
  async reset(tx) {
    await tx.query('DELETE FROM notification_inbox');
  },
};
