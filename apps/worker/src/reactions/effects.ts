/**
 * Every effect outside the log that the log can owe (the outstanding-effects projection's rows),
 * each brought about by one reaction.
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
  /** The SMS and email that an information request or a notification waits, recorded sent or failed. */
  alert: 'alert',
} as const;

export type EffectName = (typeof EFFECTS)[keyof typeof EFFECTS];
