import { collect, eventually } from '../support/async';
import { decideReview, eventsOf, fileMadridCase, reviewer, supervisor } from '../support/cases';
import { RunningSystem, startSystem } from '../support/system';

/** Deadlines fall due by the process clock, moved forward here as POST /dev/clock/advance allows in development. */
describe('deadlines, by the (moved) clock', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  const advance = (days: number) =>
    fetch(`${system.api}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days }),
    });

  it('deems a notification nobody opened rejected after ten calendar days, which closes the case (art. 43)', async () => {
    const caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, reviewer, 'EvaluateCase', { findings: 'Sin novedad.' });
    await decideReview(system, caseId, reviewer, 'ResolveCase', {
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

    expect((await advance(9)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await eventsOf(system, `notification-${notificationId}`)).map((e) => e.type)).toEqual([
      'NotificationMadeAvailable',
    ]);

    await advance(2);
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
    const closed = (await eventsOf(system, `review-${caseId}`)).find((e) => e.type === 'CaseClosed')!;
    expect(closed.data).toMatchObject({ notificationId, notificationOutcome: 'deemed-rejected' });
  });

  it('records an overdue evaluation once its business-day deadline passes', async () => {
    const caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await advance(60);
    await eventually(
      async () =>
        (await eventsOf(system, `review-${caseId}`)).some(
          (e) => e.type === 'DeadlineExpired' && (e.data as { step: string }).step === 'evaluate',
        ),
      'the evaluation deadline to expire',
    );
  });
});
