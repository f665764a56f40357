import type { Event } from '../shared/decider';

/**
 * An alert (SMS, email) tells the addressee that something waits for them in the electronic
 * office: an information request on their case, or a notification made available. It is a
 * courtesy, not the notification: a failed alert never invalidates a notification
 * (Law 39/2015 art. 41.6), so it is recorded, sent or failed, and nothing waits on it.
 */
export type AlertChannel = 'sms' | 'email';
export const ALERT_CHANNELS: readonly AlertChannel[] = ['sms', 'email'];

/** What the alert is about: the event that asked for it. */
export type AlertSubject = 'information-request' | 'notification';

/** One channel tried. `to` is masked (as logs show it): enough to tell addresses apart, no more. */
export type AlertAttempt =
  | { readonly channel: AlertChannel; readonly to: string; readonly outcome: 'sent' }
  | {
      readonly channel: AlertChannel;
      readonly to: string;
      readonly outcome: 'failed';
      readonly reason: string;
    };

/** Why no channel delivered: nobody had an address on record, or every gateway refused. */
export type AlertFailureReason = 'no-contact-data' | 'every-channel-failed';

interface AlertFacts {
  alertId: string;
  about: AlertSubject;
  /** The person alerted (DNI/NIE): the notification's addressee, or the case's filer. */
  addressee: string;
  caseId?: string;
  notificationId?: string;
  attempts: readonly AlertAttempt[];
}

/** At least one channel accepted the alert; `attempts` also lists any that refused it. */
export type AlertSent = Event<'AlertSent', AlertFacts & { sentAt: string }>;

/** No channel delivered it. The notification or request stands all the same (art. 41.6). */
export type AlertFailed = Event<'AlertFailed', AlertFacts & { reason: AlertFailureReason; failedAt: string }>;

export type AlertEvent = AlertSent | AlertFailed;
