import { notificationDecider } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { reaction } from './reaction';
import { ignoringDone } from './reaction-support';
import { systemMetadata } from './system-metadata';

/** Ten calendar days after a notification is made available, unopened, it is deemed rejected (Law 39/2015 art. 43). */
export const deemRejected = reaction({
  job: JOBS.deemRejected,
  queue: 'deadlines',
  trigger: ['NotificationMadeAvailable'],
  // Once opened, a notification can no longer be deemed rejected (the job would do nothing).
  effect: {
    name: EFFECTS.deemedRejection,
    key: 'notificationId',
    fulfilledBy: [
      'NotificationAccessed',
      'NotificationAccepted',
      'NotificationRejected',
      'NotificationDeemedRejected',
    ],
  },
  enqueue: (event) => {
    const dueAt = new Date(event.data.deemedRejectedAt);
    return { data: { notificationId: event.data.notificationId, dueAt: dueAt.toISOString() }, dueAt };
  },
  work: (job, context) =>
    ignoringDone(() =>
      runCommand(context.store, notificationDecider, streams.notification(job.data.notificationId!), {
        type: 'DeemNotificationRejected',
        data: { notificationId: job.data.notificationId! },
        metadata: systemMetadata(context.clock.now()),
      }),
    ),
});
