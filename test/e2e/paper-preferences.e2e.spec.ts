import { eventually } from '../support/async';
import { decideReview, eventsOf, fileMadridCase, reviewer, supervisor } from '../support/cases';
import { ApiClient } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Preferences = { paperCopies: boolean; since: string | null };

/**
 * A citizen opts out of paper for every case at PUT /me/notification-preferences: the choice is
 * an event on their own stream, and the resolution letter issued afterwards owes no paper copy.
 */
describe('opting out of paper notifications', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  it('records the choice once, refuses what is not a choice, and posts no paper copy of the next resolution', async () => {
    const lucia = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'clave-movil',
    });
    const path = '/me/notification-preferences';
    expect((await lucia.request<Preferences>('GET', path)).body).toEqual({ paperCopies: true, since: null });

    const declined = await lucia.request<Preferences>('PUT', path, { paperCopies: false });
    expect(declined.status).toBe(200);
    expect(declined.body).toEqual({ paperCopies: false, since: expect.any(String) });
    const again = await lucia.request<Preferences>('PUT', path, { paperCopies: false });
    expect(again.body).toEqual(declined.body);
    expect((await eventsOf(system, 'notification-preferences-34567890V')).map((e) => e.type)).toEqual([
      'PaperCopiesDeclined',
    ]);

    const malformed = await lucia.request('PUT', path, { paperCopies: 'no' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const staff = await ApiClient.login(system.api, {
      subject: reviewer.id,
      name: 'Revisor',
      roles: ['reviewer'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });
    expect((await staff.request('PUT', path, { paperCopies: false })).status).toBe(403);

    // The filing itself did not opt out of paper: the person's standing choice decides.
    const caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, reviewer, 'EvaluateCase', { findings: 'Sin novedad.' });
    await decideReview(system, caseId, reviewer, 'ResolveCase', {
      outcome: 'granted',
      grounds: 'Se acredita.',
      legalBasis: 'Art. 193 LGSS.',
    });
    await eventually(
      async () => (await eventsOf(system, `review-${caseId}`)).some((e) => e.type === 'ResolutionIssued'),
      'the resolution letter issued',
      30_000,
    );
    const issued = (await eventsOf(system, `review-${caseId}`)).find((e) => e.type === 'ResolutionIssued');
    expect(issued?.data).toMatchObject({ paperCopy: false });
    expect(await eventsOf(system, `paper-post-${caseId}`)).toEqual([]);

    // Back to paper: recorded as a second event.
    expect((await lucia.request<Preferences>('PUT', path, { paperCopies: true })).body.paperCopies).toBe(
      true,
    );
    expect((await eventsOf(system, 'notification-preferences-34567890V')).map((e) => e.type)).toEqual([
      'PaperCopiesDeclined',
      'PaperCopiesResumed',
    ]);
  });
});
