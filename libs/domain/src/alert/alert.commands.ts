import type { Command } from '../shared/command-metadata';
import type { AlertAttempt, AlertSubject } from './alert.events';

/**
 * Recorded by the alert worker once every channel the addressee has was tried. The metadata's
 * idempotency key is the id of the event that asked for the alert, so a retry repeats the event id.
 */
export type RecordAlert = Command<
  'RecordAlert',
  {
    alertId: string;
    about: AlertSubject;
    addressee: string;
    caseId?: string;
    notificationId?: string;
    attempts: readonly AlertAttempt[];
  }
>;

export type AlertCommand = RecordAlert;
