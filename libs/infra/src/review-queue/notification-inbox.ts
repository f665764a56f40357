import { SqlClient } from '../sql/sql-client';
import { decodeKeysetCursor, encodeKeysetCursor } from '../paging/keyset-cursor';

export type InboxStatus = 'available' | 'accessed' | 'accepted' | 'rejected' | 'deemed-rejected';

export interface InboxItem {
  readonly notificationId: string;
  readonly addressee: string;
  readonly caseId: string | null;
  readonly subject: string;
  readonly specialCategory: boolean;
  /** An unaccessed notification past its tenth day reads as deemed rejected, recorded or not. */
  readonly status: InboxStatus;
  readonly madeAvailableAt: Date;
  readonly lastDayToAccess: string;
  readonly deemedRejectedAt: Date;
  readonly accessedAt: Date | null;
  readonly answeredAt: Date | null;
}

export interface InboxPage {
  readonly items: readonly InboxItem[];
  /** Pass as `before` for the next page; null on the last one. */
  readonly next: string | null;
}

interface InboxCursor {
  readonly madeAvailableAt: Date;
  readonly notificationId: string;
}

export function decodeInboxCursor(value: string): InboxCursor | undefined {
  const position = decodeKeysetCursor(value);
  return position && { madeAvailableAt: position.at, notificationId: position.id };
}

const encodeCursor = (item: InboxItem): string =>
  encodeKeysetCursor({ at: item.madeAvailableAt, id: item.notificationId });

/** Lists the notifications addressed to some people (a person and those they manage notifications for). */
export class NotificationInbox {
  constructor(private readonly sql: SqlClient) {}

  async forAddressees(
    addressees: readonly string[],
    page: { limit: number; before?: string },
    now: Date,
  ): Promise<InboxPage> {
    const cursor = page.before === undefined ? undefined : decodeInboxCursor(page.before);
    if (page.before !== undefined && !cursor) throw new Error(`Not an inbox cursor: ${page.before}`);
    const rows = await this.sql.query<InboxItem>(
      `SELECT notification_id AS "notificationId", addressee, case_id AS "caseId", subject,
         special_category AS "specialCategory",
         CASE WHEN status = 'available' AND deemed_rejected_at <= $2 THEN 'deemed-rejected' ELSE status END AS status,
         made_available_at AS "madeAvailableAt", last_day_to_access::text AS "lastDayToAccess",
         deemed_rejected_at AS "deemedRejectedAt", accessed_at AS "accessedAt", answered_at AS "answeredAt"
       FROM notification_inbox
       WHERE addressee = ANY($1::text[])
         AND ($3::timestamptz IS NULL OR (made_available_at, notification_id) < ($3::timestamptz, $4::text))
       ORDER BY made_available_at DESC, notification_id DESC LIMIT $5`,
      [addressees, now, cursor?.madeAvailableAt ?? null, cursor?.notificationId ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return { items, next: rows.length > page.limit && last ? encodeCursor(last) : null };
  }
}
