import {
  citizenAnswerDueOn,
  DEFAULT_DEADLINE_POLICY,
  madridDateOf,
  SAMPLE_HOLIDAY_CALENDAR,
} from '@expediente/domain';
import { eventsOf, fileMadridCase } from '../support/cases';
import { ApiClient, Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

/** From fixtures/staff.json. */
const MADRID_REVIEWER = {
  subject: '50234567Z',
  name: 'Pablo Moreno Díaz',
  roles: ['reviewer'],
  unit: 'INSS-28',
};
const MADRID_COLLEAGUE = {
  subject: '50345678N',
  name: 'Carmen Ortega Sanz',
  roles: ['reviewer'],
  unit: 'INSS-28',
};
const ICAM_REVIEWER = { subject: '60234567M', name: 'Marc Serra Puig', roles: ['reviewer'], unit: 'ICAM' };

const RESOLUTION = {
  outcome: 'granted',
  grounds: 'Los informes acreditan la limitación funcional descrita.',
  legalBasis: 'Art. 194 LGSS.',
};

const codeOf = (reply: Reply) => (reply.body as { code?: string }).code;

/** Reviewers see what they would send before sending it: the resolution letter, and the citizen's due date. */
describe('previews before a reviewer acts', () => {
  let system: RunningSystem;
  let reviewer: ApiClient;
  let caseId: string;
  beforeAll(async () => {
    system = await startSystem();
    const staff = (who: typeof MADRID_REVIEWER) =>
      ApiClient.login(system.api, { ...who, levelOfAssurance: 'certificate' });
    reviewer = await staff(MADRID_REVIEWER);
    caseId = await fileMadridCase(system);
  }, 60_000);
  afterAll(() => system?.stop());

  it('shows each running deadline with the days it counts, and when an information request made today is due', async () => {
    const open = await reviewer.request<{ steps: { step: string; count: string }[] }>(
      'GET',
      `/reviews/${caseId}/deadlines`,
    );
    expect(open.status).toBe(200);
    expect(open.body.steps.map((s) => [s.step, s.count])).toEqual([
      ['assign', 'business'],
      ['evaluate', 'business'],
    ]);
    const assigned = await reviewer.request(
      'POST',
      `/reviews/${caseId}/assignment`,
      { reviewerId: MADRID_REVIEWER.subject },
      {
        'if-match': open.headers.get('etag')!,
      },
    );
    expect(assigned.status).toBe(200);
    const ready = await reviewer.request<{
      informationRequest: { dueOn: string; days: number; count: string };
      province: { code: string };
    }>('GET', `/reviews/${caseId}/deadlines`);
    const expected = citizenAnswerDueOn(
      { procedure: 'medical-report-submission', requestedAt: new Date() },
      DEFAULT_DEADLINE_POLICY,
      { calendar: SAMPLE_HOLIDAY_CALENDAR, provinceCode: '28' },
    );
    expect(ready.body.informationRequest).toEqual({ days: 10, count: 'business', dueOn: expected });
    expect(ready.body.province.code).toBe('28');

    const stale = ready.headers.get('etag')!;
    const requested = await reviewer.request(
      'POST',
      `/reviews/${caseId}/information-requests`,
      { requested: 'El informe de traumatología.' },
      { 'if-match': stale },
    );
    expect(requested.status).toBe(201);
    const waiting = await reviewer.request<{
      steps: { step: string; state: string; pausedSince: string | null; dueOn: string | null }[];
      informationRequest: unknown;
    }>('GET', `/reviews/${caseId}/deadlines`);
    expect(waiting.body.informationRequest).toBeNull();
    expect(waiting.body.steps).toEqual([
      expect.objectContaining({
        step: 'evaluate',
        state: 'paused',
        pausedSince: madridDateOf(new Date()),
        dueOn: null,
      }),
      expect.objectContaining({ step: 'citizenAnswer', state: 'running', dueOn: expected }),
    ]);
    // If-Match on a request for information: a version that is no longer the case's is a 409.
    expect(
      codeOf(
        await reviewer.request(
          'POST',
          `/reviews/${caseId}/evaluation`,
          { findings: 'x' },
          { 'if-match': stale },
        ),
      ),
    ).toBe('CONCURRENT_MODIFICATION');
  });

  it('renders the resolution letter as a draft PDF for the assigned reviewer, recording nothing', async () => {
    const path = `/reviews/${caseId}/resolution/preview`;
    expect(codeOf(await reviewer.request('POST', path, RESOLUTION))).toBe('CASE_AWAITING_INFORMATION');
    // The citizen, with a certificate, answers without a code.
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const answered = await citizen.request('POST', `/reviews/${caseId}/information`, {
      statement: 'No dispongo de más informes.',
    });
    expect(answered.status).toBe(201);
    expect(
      (
        await reviewer.request('POST', `/reviews/${caseId}/evaluation`, {
          findings: 'Limitación acreditada.',
        })
      ).status,
    ).toBe(200);
    const before = (await eventsOf(system, `review-${caseId}`)).length;

    const preview = await reviewer.request<Buffer>('POST', path, RESOLUTION);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(preview.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await eventsOf(system, `review-${caseId}`)).length).toBe(before);

    // Validated as resolving is: a letter without grounds is not a letter.
    expect(codeOf(await reviewer.request('POST', path, { ...RESOLUTION, grounds: '' }))).toBe(
      'VALIDATION_FAILED',
    );
    const colleague = await ApiClient.login(system.api, {
      ...MADRID_COLLEAGUE,
      levelOfAssurance: 'certificate',
    });
    expect(codeOf(await colleague.request('POST', path, RESOLUTION))).toBe('NOT_ASSIGNED_TO_YOU');
    const icam = await ApiClient.login(system.api, { ...ICAM_REVIEWER, levelOfAssurance: 'certificate' });
    const elsewhere = await icam.request('POST', path, RESOLUTION);
    expect(elsewhere.status).toBe(404);
    expect((await icam.request('GET', `/reviews/${caseId}/deadlines`)).status).toBe(404);
  }, 60_000);
});
