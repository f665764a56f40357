/** Job names; a job's id is `${event.id}-${name}`, so the same event never asks twice for the same work. */
export const JOBS = {
  receipt: 'issue-receipt',
  openReview: 'open-review',
  closeWithdrawnReview: 'close-withdrawn-review',
  scheduleDeadlines: 'schedule-deadlines',
  issueResolution: 'issue-resolution',
  notify: 'make-notification-available',
  closeCase: 'close-case',
  deadline: 'deadline-expired',
  deemRejected: 'deem-rejected',
  paperPost: 'paper-post',
  sendAlert: 'send-alert',
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];
