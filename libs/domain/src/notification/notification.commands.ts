import type { Command } from '../shared/command-metadata';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';

/** Issued by the system (the worker that issues a resolution); availability time is `metadata.now`. */
export type MakeNotificationAvailable = Command<
  'MakeNotificationAvailable',
  {
    notificationId: string;
    addressee: string;
    subject: string;
    caseId?: string;
    documentHash: string;
    specialCategory: boolean;
  }
>;

/**
 * What every act on a notification carries: the powers the addressee granted the actor, which
 * the handler loads from the register (empty when acting in one's own name); the domain judges them.
 */
interface ActingFor {
  readonly notificationId: string;
  readonly powersOfAttorney: readonly PowerOfAttorney[];
}

/** Accepting or rejecting is a signature: Cl@ve permanente confirms it with the SMS one-time code. */
interface Signed {
  readonly otpVerified: boolean;
}

export type AccessNotification = Command<'AccessNotification', ActingFor>;

export type AcceptNotification = Command<'AcceptNotification', ActingFor & Signed>;

export type RejectNotification = Command<'RejectNotification', ActingFor & Signed & { reason?: string }>;

/** Issued by the deadline worker; `metadata.now` must be at or past the deemed-rejection instant. */
export type DeemNotificationRejected = Command<'DeemNotificationRejected', { notificationId: string }>;

export type NotificationCommand =
  | MakeNotificationAvailable
  | AccessNotification
  | AcceptNotification
  | RejectNotification
  | DeemNotificationRejected;
