import { deterministicUuid } from '../commands/command-runner';

/**
 * Stream names: the one place the API and the worker agree on them. The stored name is
 * part of the log (and of every hash), so a name never changes once written.
 */
export const streams = {
  /** The filing: draft → submitted → routed (or withdrawn). */
  filing: (caseId: string): string => `case-${caseId}`,
  /** ProofOfReceiptIssued for a filing. */
  receipt: (caseId: string): string => `receipt-${caseId}`,
  /** The medical unit's work on the case. */
  review: (caseId: string): string => `review-${caseId}`,
  notification: (notificationId: string): string => `notification-${notificationId}`,
  /** PaperCopyPosted: the resolution's paper copy handed to the post. */
  paperPost: (caseId: string): string => `paper-post-${caseId}`,
  power: (powerId: string): string => `power-${powerId}`,
  /** AlertSent / AlertFailed: an SMS and email that an information request or a notification waits. */
  alert: (alertId: string): string => `alert-${alertId}`,
  /** A person's standing choice about paper copies of their notifications (by their DNI/NIE). */
  notificationPreferences: (person: string): string => `notification-preferences-${person}`,
  /** DocumentRead: every read of the case's documents by the administration, append-only. */
  caseAccess: (caseId: string): string => `case-access-${caseId}`,
} as const;

/**
 * Ids the worker derives from the event that caused a stream, so a retried job finds the same
 * stream, and an auditor finds every stream of a case from the case's own events.
 */
export const derivedIds = {
  /** The notification a `ResolutionIssued` makes available. */
  notification: (resolutionIssuedEventId: string): string =>
    deterministicUuid(`notification|${resolutionIssuedEventId}`),
  /** The alert an `InformationRequested` or a `NotificationMadeAvailable` sends. */
  alert: (causeEventId: string): string => deterministicUuid(`alert|${causeEventId}`),
} as const;
