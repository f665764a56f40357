import { notificationDecider } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { readDomainStream, isEventOf } from '@expediente/infra/event-store/domain-events';
import { derivedIds, streams } from '@expediente/infra/event-store/streams';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { caseJob, reaction } from './reaction';
import { caused } from './reaction-support';
import { systemMetadata } from './system-metadata';

/** The issued resolution becomes an electronic notification to the case's subject (health data: special category). */
export const makeNotificationAvailable = reaction({
  job: JOBS.notify,
  queue: 'reactions',
  trigger: ['ResolutionIssued'],
  effect: { name: EFFECTS.notification, key: 'caseId', fulfilledBy: ['NotificationMadeAvailable'] },
  enqueue: caseJob,
  async work(job, context) {
    const { caseId, eventId } = job.data as { caseId: string; eventId: string };
    const review = await readDomainStream(context.store, streams.review(caseId));
    const issued = review.filter(isEventOf(['ResolutionIssued'])).find((e) => e.id === eventId);
    const opened = review.find(isEventOf(['ReviewOpened']));
    if (!issued || !opened) throw new Error(`case ${caseId} has no issued resolution ${eventId}`);
    const notificationId = derivedIds.notification(eventId);
    const stream = streams.notification(notificationId);
    if (await caused(context, stream, eventId)) return notificationId;
    await runCommand(context.store, notificationDecider, stream, {
      type: 'MakeNotificationAvailable',
      data: {
        notificationId,
        addressee: opened.data.subject,
        subject: 'Resolución de su expediente',
        caseId,
        documentHash: issued.data.documentHash,
        specialCategory: true,
      },
      metadata: systemMetadata(context.clock.now(), issued),
    });
    return notificationId;
  },
});
