import { closeCase } from './close-case.reaction';
import { closeWithdrawnReview } from './close-withdrawn-review.reaction';
import { deemRejected } from './deem-rejected.reaction';
import { issueReceiptReaction } from './issue-receipt.reaction';
import { issueResolution } from './issue-resolution.reaction';
import { makeNotificationAvailable } from './make-notification-available.reaction';
import { openReview } from './open-review.reaction';
import { paperPost } from './paper-post.reaction';
import type { Reaction } from './reaction';
import { recordDeadlineExpired } from './record-deadline-expired.reaction';
import { scheduleDeadlines } from './schedule-deadlines.reaction';
import { sendAlert } from './send-alert.reaction';

/** Everything the worker does in reply to events: the outbox's routes and the job processors both come from this list. */
export const REACTIONS: readonly Reaction[] = [
  issueReceiptReaction,
  openReview,
  closeWithdrawnReview,
  scheduleDeadlines,
  recordDeadlineExpired,
  issueResolution,
  paperPost,
  makeNotificationAvailable,
  deemRejected,
  sendAlert,
  closeCase,
];

const BY_JOB = new Map<string, Reaction>(REACTIONS.map((reaction) => [reaction.job, reaction]));

/** The reaction whose work a job is; a job of no reaction is a programming error, retried and then kept as failed. */
export function reactionFor(job: string): Reaction {
  const found = BY_JOB.get(job);
  if (!found) throw new Error(`unknown job ${job}`);
  return found;
}
