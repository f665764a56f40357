/**
 * Every effect outside the log that the log can owe (the outstanding-effects projection's rows),
 * each brought about by one reaction. Alerts (email/SMS that a notification waits) join here when
 * they exist: requested by NotificationMadeAvailable under the notification's id, fulfilled by
 * the event that records the alert sent or failed.
 */
export const EFFECTS = {
  receipt: 'receipt',
  review: 'review-opened',
  reviewWithdrawn: 'review-withdrawn',
  resolutionLetter: 'resolution-letter',
  notification: 'notification',
  paperCopy: 'paper-copy',
  /** The review's running deadlines have delayed jobs (re-scheduled from its latest clock event). */
  deadlines: 'deadlines',
  deemedRejection: 'deemed-rejection',
  closing: 'case-closed',
} as const;

export type EffectName = (typeof EFFECTS)[keyof typeof EFFECTS];
