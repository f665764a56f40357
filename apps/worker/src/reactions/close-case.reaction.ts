import type { EventOfType, NotificationOutcome, StoredDomainEvent } from '@expediente/domain';
import { readDomainStream, isEventOf } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { reaction } from './reaction';
import { caused, decideReview } from './reaction-support';

const ANSWERS = ['NotificationAccepted', 'NotificationRejected', 'NotificationDeemedRejected'] as const;
type Answer = StoredDomainEvent<EventOfType<(typeof ANSWERS)[number]>>;

const outcomeOf = (answer: Answer): NotificationOutcome => {
  switch (answer.type) {
    case 'NotificationAccepted':
      return 'accepted';
    case 'NotificationRejected':
      return 'rejected';
    case 'NotificationDeemedRejected':
      return 'deemed-rejected';
    default: {
      const unknown: never = answer;
      return unknown;
    }
  }
};

/** Once the resolution's notification is answered (or deemed rejected), the case is closed. */
export const closeCase = reaction({
  job: JOBS.closeCase,
  queue: 'reactions',
  trigger: ANSWERS,
  effect: { name: EFFECTS.closing, key: 'notificationId', fulfilledBy: ['CaseClosed'] },
  enqueue: (event) => ({ data: { eventId: event.id, notificationId: event.data.notificationId } }),
  async work(job, context) {
    const { notificationId, eventId } = job.data as { notificationId: string; eventId: string };
    const notification = await readDomainStream(context.store, streams.notification(notificationId));
    const answer = notification.filter(isEventOf(ANSWERS)).find((e) => e.id === eventId);
    const caseId = notification.find(isEventOf(['NotificationMadeAvailable']))?.data.caseId;
    if (!answer || !caseId || (await caused(context, streams.review(caseId), eventId))) return;
    await decideReview(
      context,
      caseId,
      {
        type: 'CloseCase',
        data: {
          caseId,
          notificationId,
          notificationOutcome: outcomeOf(answer),
          notifiedAt: answer.recordedAt.toISOString(),
        },
      },
      answer,
    );
  },
});
