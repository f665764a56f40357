import type { Queue } from 'bullmq';
import type { OutboxJob, OutboxRoute } from '@expediente/infra/outbox/outbox-relay';
import type { Clock } from '@expediente/infra/clock/clock';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
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

export interface WorkerQueues {
  readonly receipts: Queue;
  readonly reactions: Queue;
  readonly deadlines: Queue;
  readonly paperPost: Queue;
}

const REVIEW_CLOCK_EVENTS = new Set([
  'ReviewOpened',
  'ReviewerAssigned',
  'InformationRequested',
  'InformationProvided',
  'DeadlineExpired',
]);
const ANSWERS = new Set(['NotificationAccepted', 'NotificationRejected', 'NotificationDeemedRejected']);

/** Which events ask for work outside the log, and which job does it. */
export function outboxRoutes(queues: WorkerQueues, clock: Clock): OutboxRoute {
  return (event: StoredEvent): readonly OutboxJob[] => {
    const data = event.data as Record<string, unknown>;
    const caseId = data.caseId as string | undefined;
    const react = (name: string, extra: Record<string, unknown> = {}): OutboxJob => ({
      queue: queues.reactions,
      name,
      data: { caseId, eventId: event.id, ...extra },
    });
    if (isSubmission(event))
      return [{ queue: queues.receipts, name: JOBS.receipt, data: { caseId, eventId: event.id } }];
    switch (event.type) {
      case 'CaseRoutedToUnit':
        return [react(JOBS.openReview)];
      case 'CaseResolved':
        return [react(JOBS.issueResolution)];
      case 'ResolutionIssued':
        return [react(JOBS.notify)];
      case 'NotificationMadeAvailable': {
        const dueAt = new Date(data.deemedRejectedAt as string);
        return [
          {
            queue: queues.deadlines,
            name: JOBS.deemRejected,
            data: { notificationId: data.notificationId, dueAt: dueAt.toISOString() },
            delayMs: dueAt.getTime() - clock.now().getTime(),
          },
        ];
      }
      default:
        if (REVIEW_CLOCK_EVENTS.has(event.type)) return [react(JOBS.scheduleDeadlines)];
        if (ANSWERS.has(event.type)) return [react(JOBS.closeCase, { notificationId: data.notificationId })];
        return [];
    }
  };
}
