import { Queue } from 'bullmq';
import type { Actor, AlertFailed, AlertSent } from '@expediente/domain';
import { EMAIL_OUTBOX, EmailOutbox } from '@expediente/infra/email/email.port';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { QUEUES } from '@expediente/infra/queue/queues';
import { SMS_OUTBOX, SmsOutbox } from '@expediente/infra/sms/sms.port';
import { collect, eventually } from '../support/async';
import { decideReview, eventsOf, fileCase, fileMadridCase, reviewer, supervisor } from '../support/cases';
import { RunningSystem, startSystem } from '../support/system';

/** fixtures/contacts.json: Lucía's mobile and email work; 45678901G's number is malformed and her mail bounces. */
const LUCIA = { subject: '34567890V', mobile: '+34600000103', email: 'lucia.martin@example.org' };
const UNREACHABLE = {
  subject: '45678901G',
  name: 'Marta Soler Puig',
  benefitRequestRef: 'IP-2026-003300',
  provinceCode: '46',
};
const valencia = (actor: Actor): Actor => ({ ...actor, unit: 'INSS-46' });
const citizen = (id: string): Actor => ({ id, roles: ['citizen'], levelOfAssurance: 'certificate' });
const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

type AlertEvent = StoredEvent & {
  type: 'AlertSent' | 'AlertFailed';
  data: (AlertSent | AlertFailed)['data'];
};
const isAlert = (e: StoredEvent): e is AlertEvent => e.type === 'AlertSent' || e.type === 'AlertFailed';

describe('alerts that something waits in the electronic office (Law 39/2015 art. 41.6)', () => {
  let system: RunningSystem;
  let sms: SmsOutbox;
  let email: EmailOutbox;

  beforeAll(async () => {
    system = await startSystem();
    sms = system.worker.get<SmsOutbox>(SMS_OUTBOX);
    email = system.worker.get<EmailOutbox>(EMAIL_OUTBOX);
  });
  afterAll(() => system?.stop());

  const alertsOf = async (caseId: string) =>
    (await collect(system.storage.eventStore.readAll()))
      .filter(isAlert)
      .filter((e) => e.data.caseId === caseId);
  const alertAbout = async (caseId: string, about: string) => {
    await eventually(
      async () => (await alertsOf(caseId)).some((e) => e.data.about === about),
      `the ${about} alert`,
      30_000,
    );
    return (await alertsOf(caseId)).find((e) => e.data.about === about)!;
  };
  const notificationOf = async (caseId: string) => {
    const find = async () =>
      (await collect(system.storage.eventStore.readAll())).find(
        (e) => e.type === 'NotificationMadeAvailable' && (e.data as { caseId?: string }).caseId === caseId,
      );
    await eventually(async () => Boolean(await find()), 'the notification', 30_000);
    return (await find())!;
  };

  it('sends one SMS and one email for an information request and for the notification, each recorded, none twice', async () => {
    const caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, reviewer, 'RequestInformation', {
      requested: 'Aporte el informe de neurología.',
      dueOn: inTwoWeeks(),
    });
    const requestAlert = await alertAbout(caseId, 'information-request');
    expect(requestAlert.type).toBe('AlertSent');
    expect(requestAlert.stream).toBe(`alert-${requestAlert.data.alertId}`);
    expect(requestAlert.data).toMatchObject({
      addressee: LUCIA.subject,
      attempts: [
        { channel: 'sms', to: '+********103', outcome: 'sent' },
        { channel: 'email', to: 'l***@example.org', outcome: 'sent' },
      ],
    });
    const requested = (await eventsOf(system, `review-${caseId}`)).find(
      (e) => e.type === 'InformationRequested',
    )!;
    expect(requestAlert.metadata).toMatchObject({ causationId: requested.id, idempotencyKey: requested.id });
    expect(sms.inbox(LUCIA.mobile).map((m) => m.text)).toEqual([
      `Seguridad Social: tiene un requerimiento de información en la sede electrónica. Acceda con Cl@ve o certificado en ${system.api}`,
    ]);
    expect(email.inbox(LUCIA.email).map((m) => m.subject)).toEqual([
      'Tiene un requerimiento de información en la sede electrónica de la Seguridad Social',
    ]);

    await decideReview(system, caseId, citizen(LUCIA.subject), 'ProvideInformation', {
      statement: 'Adjunto la información.',
      attachments: [],
      otpVerified: false,
    });
    await decideReview(system, caseId, reviewer, 'EvaluateCase', { findings: 'Sin novedad.' });
    await decideReview(system, caseId, reviewer, 'ResolveCase', {
      outcome: 'granted',
      grounds: 'Se acredita.',
      legalBasis: 'Art. 193 LGSS.',
    });
    const notice = await notificationOf(caseId);
    const noticeAlert = await alertAbout(caseId, 'notification');
    expect(noticeAlert.type).toBe('AlertSent');
    expect(noticeAlert.data).toMatchObject({
      notificationId: (notice.data as { notificationId: string }).notificationId,
      addressee: LUCIA.subject,
    });
    const texts = sms.inbox(LUCIA.mobile).map((m) => m.text);
    const mails = email.inbox(LUCIA.email);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('tiene una notificación en la sede electrónica');
    expect(mails).toHaveLength(2);
    expect(mails[1]?.text).toContain('artículo 41.6 de la Ley 39/2015');
    // Nothing personal, clinical or case-specific travels by SMS or email.
    for (const text of [...texts, ...mails.flatMap((m) => [m.subject, m.text])]) {
      for (const secret of [LUCIA.subject, 'Lucía', caseId, 'neurología', 'IT-2026-007001']) {
        expect(text).not.toContain(secret);
      }
    }

    // The alert job run again (a retry, a re-drive) finds its alert recorded and sends nothing.
    const queue = new Queue(QUEUES.alerts, {
      connection: { host: '127.0.0.1', port: 6379 },
      prefix: system.env.QUEUE_PREFIX,
    });
    try {
      const job = (await queue.getJob(`${notice.id}-send-alert`))!;
      expect(job.returnvalue).toBe('AlertSent');
      await job.retry('completed');
      await eventually(
        async () => (await queue.getJob(job.id!))?.returnvalue === 'already-recorded',
        'the job to run again',
      );
    } finally {
      await queue.close();
    }
    expect(sms.inbox(LUCIA.mobile)).toHaveLength(2);
    expect(email.inbox(LUCIA.email)).toHaveLength(2);
    expect(await alertsOf(caseId)).toHaveLength(2);
  });

  // Last: it moves the process clock ten days on.
  it('records an alert every gateway refused as failed, and the notification stands and is deemed rejected on time', async () => {
    const caseId = await fileCase(system, UNREACHABLE);
    await decideReview(system, caseId, valencia(supervisor), 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-46' },
    });
    await decideReview(system, caseId, valencia(reviewer), 'EvaluateCase', { findings: 'Sin novedad.' });
    await decideReview(system, caseId, valencia(reviewer), 'ResolveCase', {
      outcome: 'denied',
      grounds: 'No se acredita.',
      legalBasis: 'Art. 193 LGSS.',
    });
    const notice = await notificationOf(caseId);
    const alert = await alertAbout(caseId, 'notification');
    expect(alert.type).toBe('AlertFailed');
    expect(alert.data).toMatchObject({
      reason: 'every-channel-failed',
      attempts: [
        { channel: 'sms', outcome: 'failed', reason: expect.stringContaining('is not an E.164 number') },
        {
          channel: 'email',
          to: 'b***@correo.invalid',
          outcome: 'failed',
          reason: expect.stringContaining('refused'),
        },
      ],
    });
    const { notificationId } = notice.data as { notificationId: string };
    expect((await eventsOf(system, `notification-${notificationId}`)).map((e) => e.type)).toEqual([
      'NotificationMadeAvailable',
    ]);

    const advanced = await fetch(`${system.api}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 11 }),
    });
    expect(advanced.status).toBe(200);
    await eventually(
      async () =>
        (await eventsOf(system, `notification-${notificationId}`)).some(
          (e) => e.type === 'NotificationDeemedRejected',
        ),
      'the deemed rejection',
    );
    await eventually(
      async () => (await eventsOf(system, `review-${caseId}`)).some((e) => e.type === 'CaseClosed'),
      'the case to close',
    );
    expect(await alertsOf(caseId)).toHaveLength(1);
  });
});
