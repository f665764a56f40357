import type { Queue } from 'bullmq';
import type { OutboxJob, OutboxRoute } from '@expediente/infra/outbox/outbox-relay';
import type { EffectRef, EffectRequest, EventEffects } from '@expediente/infra/outbox/outstanding-effects';
import type { Clock } from '@expediente/infra/clock/clock';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { QUEUES, type QueueName } from '@expediente/infra/queue/queues';
import { isSubmission } from '../receipts/receipt-facts';

export const JOBS = {
  receipt: 'issue-receipt',
  openReview: 'open-review',
  scheduleDeadlines: 'schedule-deadlines',
  issueResolution: 'issue-resolution',
  notify: 'make-notification-available',
  closeCase: 'close-case',
  deadline: 'deadline-expired',
  deemRejected: 'deem-rejected',
  paperPost: 'paper-post',
} as const;

/**
 * Every effect outside the log that the log can owe, keyed by case (or notification). Alerts
 * (email/SMS that a notification waits) join here when they exist: requested by
 * NotificationMadeAvailable under the notification's id, fulfilled by the event that records
 * the alert sent or failed.
 */
export const EFFECTS = {
  receipt: 'receipt',
  review: 'review-opened',
  resolutionLetter: 'resolution-letter',
  notification: 'notification',
  paperCopy: 'paper-copy',
  /** The review's running deadlines have delayed jobs (re-scheduled from its latest clock event). */
  deadlines: 'deadlines',
  deemedRejection: 'deemed-rejection',
  closing: 'case-closed',
} as const;

export type WorkerQueues = Readonly<Record<QueueName, Queue>>;

const REVIEW_CLOCK_EVENTS = new Set([
  'ReviewOpened',
  'ReviewerAssigned',
  'InformationRequested',
  'InformationProvided',
  'DeadlineExpired',
]);
const ANSWERS = new Set(['NotificationAccepted', 'NotificationRejected', 'NotificationDeemedRejected']);
const NONE: EventEffects = { requests: [], fulfils: [] };

/** Which events ask for work outside the log (and which job does it), and which show it done. */
export function effectsOf(event: StoredEvent): EventEffects {
  const data = event.data as Record<string, unknown>;
  const caseId = data.caseId as string;
  const notificationId = data.notificationId as string;
  const onCase = (effect: string): EffectRef => ({ effect, key: caseId });
  const react = (effect: string, name: string, extra: Record<string, unknown> = {}): EffectRequest => ({
    effect,
    key: caseId,
    queue: QUEUES.reactions,
    name,
    data: { caseId, eventId: event.id, ...extra },
  });
  if (isSubmission(event)) {
    const receipt = { ...react(EFFECTS.receipt, JOBS.receipt), queue: QUEUES.receipts };
    return { requests: [receipt], fulfils: [] };
  }
  switch (event.type) {
    case 'ProofOfReceiptIssued':
      return { requests: [], fulfils: [onCase(EFFECTS.receipt)] };
    case 'CaseRoutedToUnit':
      return { requests: [react(EFFECTS.review, JOBS.openReview)], fulfils: [] };
    case 'CaseResolved':
      return { requests: [react(EFFECTS.resolutionLetter, JOBS.issueResolution)], fulfils: [] };
    case 'ResolutionIssued': {
      const paper: EffectRequest = {
        effect: EFFECTS.paperCopy,
        key: caseId,
        queue: QUEUES.paperPost,
        name: JOBS.paperPost,
        data: { caseId, documentHash: data.documentHash, eventId: event.id },
      };
      return {
        requests: [react(EFFECTS.notification, JOBS.notify), ...(data.paperCopy === true ? [paper] : [])],
        // Once the letter is out no review step runs, so no deadline is owed any more.
        fulfils: [onCase(EFFECTS.resolutionLetter), onCase(EFFECTS.deadlines)],
      };
    }
    case 'PaperCopyPosted':
      return { requests: [], fulfils: [onCase(EFFECTS.paperCopy)] };
    case 'NotificationMadeAvailable': {
      const deemed: EffectRequest = {
        effect: EFFECTS.deemedRejection,
        key: notificationId,
        queue: QUEUES.deadlines,
        name: JOBS.deemRejected,
        data: { notificationId, dueAt: data.deemedRejectedAt },
        dueAt: new Date(data.deemedRejectedAt as string),
      };
      return { requests: [deemed], fulfils: [onCase(EFFECTS.notification)] };
    }
    // Once opened, a notification can no longer be deemed rejected (the job would do nothing).
    case 'NotificationAccessed':
      return { requests: [], fulfils: [{ effect: EFFECTS.deemedRejection, key: notificationId }] };
    case 'CaseClosed':
      return {
        requests: [],
        fulfils: [{ effect: EFFECTS.closing, key: notificationId }, onCase(EFFECTS.deadlines)],
      };
    case 'ReviewWithdrawn':
      return { requests: [], fulfils: [onCase(EFFECTS.deadlines)] };
    default:
      if (REVIEW_CLOCK_EVENTS.has(event.type)) {
        return {
          requests: [react(EFFECTS.deadlines, JOBS.scheduleDeadlines)],
          fulfils: event.type === 'ReviewOpened' ? [onCase(EFFECTS.review)] : [],
        };
      }
      if (ANSWERS.has(event.type)) {
        const closing = {
          ...react(EFFECTS.closing, JOBS.closeCase, { notificationId }),
          key: notificationId,
        };
        return { requests: [closing], fulfils: [{ effect: EFFECTS.deemedRejection, key: notificationId }] };
      }
      return NONE;
  }
}

/** The relay's view: the jobs an event asks for, on their queues, delayed until due. */
export function outboxRoutes(queues: WorkerQueues, clock: Clock): OutboxRoute {
  return (event: StoredEvent): readonly OutboxJob[] =>
    effectsOf(event).requests.map((request) => ({
      queue: queues[request.queue],
      name: request.name,
      data: request.data,
      ...(request.dueAt && { delayMs: request.dueAt.getTime() - clock.now().getTime() }),
    }));
}
