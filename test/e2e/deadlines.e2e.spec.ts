import { caseReviewDecider, type Actor } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { ApiClient, pdfBytes } from '../support/client';
import { collect, eventually } from '../support/async';
import { RunningSystem, startSystem } from '../support/system';

const supervisor: Actor = {
  id: '11111111H',
  name: 'Supervisora',
  roles: ['supervisor'],
  levelOfAssurance: 'certificate',
  unit: 'INSS-28',
};
const reviewer: Actor = {
  id: '22222222J',
  name: 'Revisor',
  roles: ['reviewer'],
  levelOfAssurance: 'certificate',
  unit: 'INSS-28',
};

/** Law 39/2015 art. 43: a notification nobody opens is deemed rejected after ten calendar days, and the case goes on. */
describe('deadlines, by the (moved) clock', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  const events = (stream: string): Promise<StoredEvent[]> =>
    collect(system.storage.eventStore.readStream(stream));
  const decide = (caseId: string, actor: Actor, type: string, data: Record<string, unknown>) =>
    runCommand(system.storage.eventStore, caseReviewDecider, `review-${caseId}`, {
      type,
      data: { caseId, ...data },
      metadata: { now: new Date(), actor },
    } as never);

  it('deems a notification nobody opened rejected after ten calendar days, which closes the case', async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const { caseId } = (
      await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body;
    await citizen.upload(`/filings/medical-reports/${caseId}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes('x'),
      kind: 'medical-report',
    });
    await citizen.request(
      'POST',
      `/filings/medical-reports/${caseId}/submission`,
      {},
      { 'idempotency-key': `deemed-${caseId}` },
    );
    await eventually(async () => (await events(`review-${caseId}`)).length > 0, 'the review');
    await decide(caseId, supervisor, 'AssignReviewer', { reviewer: { id: reviewer.id, unit: 'INSS-28' } });
    await decide(caseId, reviewer, 'EvaluateCase', { findings: 'Sin novedad.' });
    await decide(caseId, reviewer, 'ResolveCase', {
      outcome: 'denied',
      grounds: 'No se acredita.',
      legalBasis: 'Art. 193 LGSS.',
    });

    const notification = async () =>
      (await collect(system.storage.eventStore.readAll())).find(
        (e) => e.type === 'NotificationMadeAvailable' && (e.data as { caseId?: string }).caseId === caseId,
      );
    await eventually(async () => Boolean(await notification()), 'the notification', 30_000);
    const { notificationId } = (await notification())!.data as { notificationId: string };

    const nineDays = await fetch(`${system.api}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 9 }),
    });
    expect(nineDays.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await events(`notification-${notificationId}`)).map((e) => e.type)).toEqual([
      'NotificationMadeAvailable',
    ]);

    await fetch(`${system.api}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 2 }),
    });
    await eventually(
      async () =>
        (await events(`notification-${notificationId}`)).some((e) => e.type === 'NotificationDeemedRejected'),
      'the deemed rejection',
    );
    await eventually(
      async () => (await events(`review-${caseId}`)).some((e) => e.type === 'CaseClosed'),
      'the case to close',
    );
    const closed = (await events(`review-${caseId}`)).find((e) => e.type === 'CaseClosed')!;
    expect(closed.data).toMatchObject({ notificationId, notificationOutcome: 'deemed-rejected' });
  });

  it('records an overdue evaluation once its business-day deadline passes', async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const { caseId } = (
      await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body;
    await citizen.upload(`/filings/medical-reports/${caseId}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes('y'),
      kind: 'medical-report',
    });
    await citizen.request(
      'POST',
      `/filings/medical-reports/${caseId}/submission`,
      {},
      { 'idempotency-key': `overdue-${caseId}` },
    );
    await eventually(async () => (await events(`review-${caseId}`)).length > 0, 'the review');
    await decide(caseId, supervisor, 'AssignReviewer', { reviewer: { id: reviewer.id, unit: 'INSS-28' } });

    await fetch(`${system.api}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 60 }),
    });
    await eventually(
      async () =>
        (await events(`review-${caseId}`)).some(
          (e) => e.type === 'DeadlineExpired' && (e.data as { step: string }).step === 'evaluate',
        ),
      'the evaluation deadline to expire',
    );
  });
});
