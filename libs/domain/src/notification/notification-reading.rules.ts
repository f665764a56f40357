/**
 * Reading a notification's content (the notified document, e.g. a resolution with health data)
 * is judged on the session reading now — identity, role, level of assurance, representation —
 * never inferred from an earlier access by the same person with another session.
 */
import type { Actor } from '../shared/command-metadata';
import { IllegalState, NotFound } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Notification } from './notification.decider';
import type { NotificationActorRecord } from './notification.events';
import { actorMayActOnNotification, standingOnNotification } from './notification.rules';

export type LiveNotification = Exclude<Notification, { readonly status: 'none' }>;

const notFound = (notificationId: string) =>
  new NotFound('NOTIFICATION_NOT_FOUND', `There is no notification ${notificationId} for you.`, {
    notificationId,
  });

/**
 * Someone with no standing at all (neither addressee nor proxy by a power in force) learns
 * nothing, not even that the notification exists.
 */
export const notificationMustBeVisibleTo = (
  actorId: string,
  notification: Notification,
  powersOfAttorney: readonly PowerOfAttorney[],
  on: Date,
  notificationId: string,
): LiveNotification => {
  if (notification.status === 'none') throw notFound(notificationId);
  const { addressee } = notification.notice;
  if (standingOnNotification(actorId, { addressee, powersOfAttorney, on }).basis === null) {
    throw notFound(notificationId);
  }
  return notification;
};

/**
 * The notified document: the current session must be allowed to open the notification now
 * (the same rule as opening it), and its person must have opened it themselves, so that their
 * access is on the proof of delivery before they see the content.
 */
export const mayReadNotificationDocument = (
  actor: Actor,
  notification: Notification,
  powersOfAttorney: readonly PowerOfAttorney[],
  now: Date,
  notificationId: string,
): NotificationActorRecord => {
  const live = notificationMustBeVisibleTo(actor.id, notification, powersOfAttorney, now, notificationId);
  const record = actorMayActOnNotification(actor, { ...live.notice, powersOfAttorney, on: now });
  const openedBy = 'openedBy' in live ? live.openedBy : [];
  if (!openedBy.includes(normaliseIdentityNumber(actor.id))) {
    throw new IllegalState(
      'NOTIFICATION_NOT_ACCESSED',
      'Open the notification yourself before downloading its document: your access goes on the proof of delivery.',
      { notificationId },
    );
  }
  return record;
};
