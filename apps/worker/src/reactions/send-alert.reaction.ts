import { Logger } from '@nestjs/common';
import { alertDecider, type AlertAttempt, type AlertSubject } from '@expediente/domain';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import type { Contact } from '@expediente/infra/contacts/contact-directory.port';
import { isEventOf, readDomainStream } from '@expediente/infra/event-store/domain-events';
import { derivedIds, streams } from '@expediente/infra/event-store/streams';
import { maskEmailAddress } from '@expediente/infra/email/email.port';
import { maskPhoneNumber } from '@expediente/infra/sms/sms.port';
import { alertEmail, alertSms } from './alert-texts';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { reaction, type JobData, type ReactionContext } from './reaction';
import { systemMetadata } from './system-metadata';

const logger = new Logger('Worker');
const MAX_REASON = 200;

interface AlertJob {
  readonly eventId: string;
  readonly about: AlertSubject;
  readonly caseId?: string;
  readonly notificationId?: string;
}

/** Who is alerted, and the event that asked: the request's case filer (who answers it), or the notification's addressee. */
async function addresseeOf(context: ReactionContext, job: AlertJob) {
  if (job.about === 'notification') {
    const stream = await readDomainStream(context.store, streams.notification(job.notificationId!));
    const notice = stream.filter(isEventOf(['NotificationMadeAvailable'])).find((e) => e.id === job.eventId);
    return notice && { addressee: notice.data.addressee, cause: notice };
  }
  const review = await readDomainStream(context.store, streams.review(job.caseId!));
  const requested = review.filter(isEventOf(['InformationRequested'])).find((e) => e.id === job.eventId);
  const opened = review.find(isEventOf(['ReviewOpened']));
  return requested && opened && { addressee: opened.data.filer, cause: requested };
}

function alertJobOf({ eventId, about, caseId, notificationId }: JobData): AlertJob {
  if (!eventId || (about !== 'notification' && about !== 'information-request'))
    throw new Error(`send-alert job without its event or subject`);
  return { eventId, about, ...(caseId && { caseId }), ...(notificationId && { notificationId }) };
}

const reasonOf = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_REASON);

/**
 * Each channel the addressee has on record, tried once. A gateway that throws may still have
 * delivered (a timeout after it accepted), so retrying could alert twice; and a failed alert
 * changes nothing for the notification (art. 41.6). So a refusal is recorded at once, never retried.
 */
async function tryChannels(
  context: ReactionContext,
  contact: Contact,
  about: AlertSubject,
): Promise<AlertAttempt[]> {
  const channels: { channel: AlertAttempt['channel']; to: string; send: () => Promise<void> }[] = [];
  if (contact.mobile) {
    const mobile = contact.mobile;
    channels.push({
      channel: 'sms',
      to: maskPhoneNumber(mobile),
      send: () => context.sms.send(mobile, alertSms(about, context.verifyBaseUrl)),
    });
  }
  if (contact.email) {
    const email = contact.email;
    channels.push({
      channel: 'email',
      to: maskEmailAddress(email),
      send: () => context.email.send({ to: email, ...alertEmail(about, context.verifyBaseUrl) }),
    });
  }
  const attempts: AlertAttempt[] = [];
  for (const { channel, to, send } of channels) {
    try {
      await send();
      attempts.push({ channel, to, outcome: 'sent' });
    } catch (error) {
      attempts.push({ channel, to, outcome: 'failed', reason: reasonOf(error) });
    }
  }
  return attempts;
}

/**
 * An SMS and an email that an information request or a notification waits in the office, to
 * the contact data on record, then AlertSent or AlertFailed in the alert's own stream. The
 * triggering event's id names the alert and is the command's idempotency key: a recorded alert
 * is never sent again. Nothing waits on it: the notification's deemed-rejection clock runs from
 * its availability whatever happens here.
 */
export const sendAlert = reaction({
  job: JOBS.sendAlert,
  queue: 'alerts',
  trigger: ['InformationRequested', 'NotificationMadeAvailable'],
  // One alert at a time per case: a request is answered before the next, and both before the resolution's notice.
  effect: { name: EFFECTS.alert, key: 'caseId', fulfilledBy: ['AlertSent', 'AlertFailed'] },
  enqueue: (event) =>
    event.type === 'NotificationMadeAvailable'
      ? {
          data: {
            eventId: event.id,
            about: 'notification',
            notificationId: event.data.notificationId,
            ...(event.data.caseId && { caseId: event.data.caseId }),
          },
        }
      : { data: { eventId: event.id, about: 'information-request', caseId: event.data.caseId } },
  async work(job, context) {
    const data = alertJobOf(job.data);
    const alertId = derivedIds.alert(data.eventId);
    const stream = streams.alert(alertId);
    if ((await load(context.store, alertDecider, stream)).state.status !== 'none') return 'already-recorded';
    const found = await addresseeOf(context, data);
    if (!found) throw new Error(`no ${data.about} event ${data.eventId} to alert about`);
    const contact = (await context.contacts.find(found.addressee)) ?? {};
    const attempts = await tryChannels(context, contact, data.about);
    const { events } = await runCommand(context.store, alertDecider, stream, {
      type: 'RecordAlert',
      data: {
        alertId,
        about: data.about,
        addressee: found.addressee,
        ...(data.caseId && { caseId: data.caseId }),
        ...(data.notificationId && { notificationId: data.notificationId }),
        attempts,
      },
      metadata: { ...systemMetadata(context.clock.now(), found.cause), idempotencyKey: data.eventId },
    });
    const outcome = attempts.map((a) => `${a.channel} ${a.outcome}`).join(', ') || 'no contact data';
    logger.log(`alert ${alertId} about ${data.about}: ${outcome}`);
    // Another worker recorded it between our check and our append: theirs stands.
    return events.length > 0 ? events[0]!.type : 'already-recorded';
  },
});
