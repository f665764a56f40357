import { z } from 'zod';
import { decodeInboxCursor } from '@expediente/infra/review-queue/notification-inbox';
import { notificationView } from '../view-notification/view-notification.schema';

export const inboxQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: 'Notifications per page.', example: 20 }),
  before: z
    .string()
    .refine(
      (cursor) => decodeInboxCursor(cursor) !== undefined,
      'must be the "next" value of a previous page',
    )
    .optional()
    .meta({ description: 'The `next` of the previous page, for the page after it.' }),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

/** Newest first; each item reads as `viewNotification` shows it. */
export const inboxPage = z.object({
  items: z.array(notificationView),
  next: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `before` for the next page; null on the last one.' }),
});
