import { spec } from '../shared/given-when-then.testing';
import type { CommandMetadata } from '../shared/command-metadata';
import type { RecordAlert } from './alert.commands';
import { alertDecider } from './alert.decider';
import type { AlertAttempt, AlertEvent } from './alert.events';

const given = spec(alertDecider).given;
const now = new Date('2026-11-23T10:00:05.000Z');
const system: CommandMetadata = {
  now,
  actor: { id: 'system:worker', roles: [], levelOfAssurance: 'certificate' },
  causationId: 'notification-made-available-1',
  idempotencyKey: 'notification-made-available-1',
};
const facts = {
  alertId: 'alert-1',
  about: 'notification',
  addressee: '34567890V',
  caseId: 'case-1',
  notificationId: 'notification-1',
} as const;
const sms: AlertAttempt = { channel: 'sms', to: '+********003', outcome: 'sent' };
const emailRefused: AlertAttempt = {
  channel: 'email',
  to: 'l***@correo.invalid',
  outcome: 'failed',
  reason: 'Error: the mail server refused the address',
};
const record = (attempts: readonly AlertAttempt[]): RecordAlert => ({
  type: 'RecordAlert',
  data: { ...facts, attempts },
  metadata: system,
});
const sent = (attempts: readonly AlertAttempt[]): AlertEvent => ({
  type: 'AlertSent',
  data: { ...facts, attempts, sentAt: now.toISOString() },
});

describe('alert that something waits in the electronic office', () => {
  it('is sent when any channel took it, listing the channels that refused it too', () =>
    given([])
      .when(record([sms, emailRefused]))
      .then([sent([sms, emailRefused])]));

  it('fails when every channel refused it, saying so', () =>
    given([])
      .when(record([emailRefused]))
      .then([
        {
          type: 'AlertFailed',
          data: {
            ...facts,
            attempts: [emailRefused],
            reason: 'every-channel-failed',
            failedAt: now.toISOString(),
          },
        },
      ]));

  it('fails for an addressee with no mobile or email on record', () =>
    given([])
      .when(record([]))
      .then([
        {
          type: 'AlertFailed',
          data: { ...facts, attempts: [], reason: 'no-contact-data', failedAt: now.toISOString() },
        },
      ]));

  it('is recorded once: recording it again (a retried job) records nothing and refuses nothing', () =>
    given([sent([sms])])
      .when(record([emailRefused]))
      .then([]));
});
