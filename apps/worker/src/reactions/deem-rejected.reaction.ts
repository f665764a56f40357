import { notificationDecider } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import { JOBS } from './jobs';
import { reaction } from './reaction';
import { ignoringDone } from './reaction-support';
import { systemMetadata } from './system-metadata';

/** Ten calendar days after a notification is made available, unopened, it is deemed rejected (Law 39/2015 art. 43). */
export const deemRejected = reaction({
  job: JOBS.deemRejected,
  queue: 'deadlines',
  trigger: ['NotificationMadeAvailable'],
  enqueue: (event, clock) => ({
    data: {
      notificationId: event.data.notificationId,
      dueAt: new Date(event.data.deemedRejectedAt).toISOString(),
    },
    delayMs: new Date(event.data.deemedRejectedAt).getTime() - clock.now().getTime(),
  }),
  work: (job, context) =>
    ignoringDone(() =>
      runCommand(context.store, notificationDecider, streams.notification(job.data.notificationId!), {
        type: 'DeemNotificationRejected',
        data: { notificationId: job.data.notificationId! },
        metadata: systemMetadata(context.clock.now()),
      }),
    ),
});
