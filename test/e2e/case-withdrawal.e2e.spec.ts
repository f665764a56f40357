import type { Actor } from '@expediente/domain';
import { deterministicUuid } from '@expediente/infra/commands/command-runner';
import { issueReceipt } from '../../apps/worker/src/reactions/issue-receipt.reaction';
import { ReactionContext } from '../../apps/worker/src/reactions/reaction';
import { eventually } from '../support/async';
import { decideReview, eventsOf, fileMadridCase, supervisor } from '../support/cases';
import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Dashboard = { counts: { unassigned: number } };
type Page = { items: { caseId: string; status: string }[] };

/** From fixtures/staff.json: Madrid's reviewer, who works through the API here. */
const REVIEWER: Actor = {
  id: '50234567Z',
  roles: ['reviewer'],
  levelOfAssurance: 'certificate',
  unit: 'INSS-28',
};

/**
 * One case, one lifecycle: the filing and the review are parts of the same case, so a
 * withdrawal closes the review and leaves every queue, is refused once the case is resolved,
 * and the citizen's status and the staff's say the same.
 */
describe('withdrawing a case', () => {
  let system: RunningSystem;
  let citizen: ApiClient;
  let staff: ApiClient;
  let reviewer: ApiClient;

  beforeAll(async () => {
    system = await startSystem();
    citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    staff = await ApiClient.login(system.api, {
      subject: '50123456Q',
      name: 'Elena Ruiz Navarro',
      roles: ['supervisor'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });
    reviewer = await ApiClient.login(system.api, {
      subject: REVIEWER.id,
      name: 'Pablo Moreno Díaz',
      roles: ['reviewer'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });
  });
  afterAll(() => system?.stop());

  const withdraw = (caseId: string) =>
    citizen.request<{ code?: string }>('POST', `/filings/medical-reports/${caseId}/withdrawal`, {
      reason: 'Ya me han dado el alta.',
    });
  const typesOf = async (stream: string) => (await eventsOf(system, stream)).map((e) => e.type);
  const evaluated = async () => {
    const caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: REVIEWER.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, REVIEWER, 'EvaluateCase', { findings: 'Sin novedad.' });
    return caseId;
  };

  it('refuses withdrawing a resolved case with 409 CASE_ALREADY_RESOLVED and appends nothing', async () => {
    const caseId = await evaluated();
    await decideReview(system, caseId, REVIEWER, 'ResolveCase', {
      outcome: 'denied',
      grounds: 'No se acredita.',
      legalBasis: 'Art. 193 LGSS.',
    });
    const before = [await typesOf(`case-${caseId}`), await typesOf(`review-${caseId}`)];

    const refused = await withdraw(caseId);

    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'CASE_ALREADY_RESOLVED',
    });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const through = await citizen.request<{ code?: string }>('POST', `/reviews/${caseId}/withdrawal`, {});
    expect({ status: through.status, code: through.body.code }).toEqual({
      status: 409,
      code: 'CASE_ALREADY_RESOLVED',
    });
    expect([await typesOf(`case-${caseId}`), await typesOf(`review-${caseId}`)]).toEqual(before);
  });

  it('closes the review on withdrawal, takes the case out of every queue, and both views say withdrawn', async () => {
    const caseId = await fileMadridCase(system);
    const listed = await staff.until<Page>(
      '/units/INSS-28/cases?status=open&limit=100',
      (r) => r.body.items?.some((i) => i.caseId === caseId),
      'the case in the unassigned queue',
    );
    expect(listed.status).toBe(200);
    const unassigned = (await staff.request<Dashboard>('GET', '/units/INSS-28/dashboard')).body.counts
      .unassigned;

    const withdrawn = await withdraw(caseId);

    expect(withdrawn.status).toBe(201);
    expect(await typesOf(`review-${caseId}`)).toEqual(['ReviewOpened', 'ReviewWithdrawn']);
    expect(await typesOf(`case-${caseId}`)).toContain('ReportsWithdrawn');
    const review = await staff.request<{ status: string }>('GET', `/reviews/${caseId}`);
    expect(review.body.status).toBe('withdrawn');
    await citizen.until<{ status: string }>(
      `/cases/${caseId}`,
      (r) => r.body.status === 'withdrawn',
      'withdrawn',
    );
    await staff.until<Dashboard>(
      '/units/INSS-28/dashboard',
      (r) => r.body.counts?.unassigned === unassigned - 1,
      'the dashboard to stop counting it',
    );
    const open = await staff.request<Page>('GET', '/units/INSS-28/cases?status=open&limit=100');
    expect(open.body.items.map((i) => i.caseId)).not.toContain(caseId);
    const all = await staff.request<Page>('GET', '/units/INSS-28/cases?limit=100');
    expect(all.body.items.find((i) => i.caseId === caseId)?.status).toBe('withdrawn');
    expectProblem(await withdraw(caseId), 409, 'ALREADY_WITHDRAWN');
  });

  it('closes the review of a filing withdrawn before its review opened, once it opens', async () => {
    await system.stopWorker();
    const { caseId } = (
      await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body;
    const filing = `/filings/medical-reports/${caseId}`;
    await citizen.upload(`${filing}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes(caseId),
      kind: 'medical-report',
    });
    const submitted = await citizen.request(
      'POST',
      `${filing}/submission`,
      {},
      { 'idempotency-key': `w-${caseId}` },
    );
    expect(submitted.status).toBe(201);

    expect((await withdraw(caseId)).status).toBe(201);
    expect(await typesOf(`review-${caseId}`)).toEqual([]);
    await system.startWorker();

    await eventually(
      async () => (await typesOf(`review-${caseId}`)).includes('ReviewWithdrawn'),
      'the review to open and close',
    );
    expect(await typesOf(`review-${caseId}`)).toEqual(['ReviewOpened', 'ReviewWithdrawn']);
    const review = await staff.request<{ status: string }>('GET', `/reviews/${caseId}`);
    expect(review.body.status).toBe('withdrawn');
  });

  it('lets exactly one of a withdrawal and a resolution racing each other happen, on both halves of the case', async () => {
    for (let round = 0; round < 3; round++) {
      const caseId = await evaluated();
      const etag = (await reviewer.request('GET', `/reviews/${caseId}`)).headers.get('etag')!;
      const [withdrawal, resolution] = await Promise.all([
        withdraw(caseId),
        reviewer.request(
          'POST',
          `/reviews/${caseId}/resolution`,
          { outcome: 'granted', grounds: 'Se acredita.', legalBasis: 'Art. 193 LGSS.' },
          { 'if-match': etag },
        ),
      ]);
      const winners = [withdrawal.status, resolution.status].filter((status) => status < 300);
      expect(winners).toHaveLength(1);
      expect([withdrawal.status, resolution.status].sort()).toEqual([...winners, 409].sort());
      const review = await typesOf(`review-${caseId}`);
      const filing = await typesOf(`case-${caseId}`);
      const withdrew = withdrawal.status === 201;
      expect(review.includes('ReviewWithdrawn')).toBe(withdrew);
      expect(review.includes('CaseResolved')).toBe(!withdrew);
      expect(filing.includes('ReportsWithdrawn')).toBe(withdrew);
    }
  });

  it('issues the proof of receipt once, through its decider, however often the job runs', async () => {
    const caseId = await fileMadridCase(system);
    await eventually(async () => (await eventsOf(system, `receipt-${caseId}`)).length > 0, 'the receipt');
    const submitted = (await eventsOf(system, `case-${caseId}`)).find((e) => e.type === 'ReportsSubmitted')!;
    const context = system.worker.get(ReactionContext);

    const again = await Promise.all([1, 2].map(() => issueReceipt(context, caseId, submitted.id)));

    expect(again).toEqual(['already-issued', 'already-issued']);
    const receipt = await eventsOf(system, `receipt-${caseId}`);
    expect(receipt.map((e) => [e.type, e.metadata.command, e.metadata.causationId])).toEqual([
      ['ProofOfReceiptIssued', 'IssueProofOfReceipt', submitted.id],
    ]);
    expect(receipt[0]!.id).toBe(deterministicUuid(`receipt-${caseId}|${submitted.id}|IssueProofOfReceipt|0`));
  });

  it('explains an upload over the 10 MB total by the total, what the draft holds and what is left', async () => {
    const { caseId } = (
      await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body;
    const path = `/filings/medical-reports/${caseId}/attachments`;
    const MiB = 1024 * 1024;
    // A document 60 bytes short of the total.
    const overhead = pdfBytes('grande').length;
    const first = await citizen.upload(path, {
      name: 'informe.pdf',
      bytes: pdfBytes('grande', 10 * MiB - 60 - overhead),
      kind: 'medical-report',
    });
    expect(first.status).toBe(201);
    const held = (first.body as { attachment: { size: number } }).attachment.size;

    const refused = await citizen.upload(path, { name: 'otro.pdf', bytes: pdfBytes('otro', 1000) });

    expectProblem(refused, 413, 'UPLOAD_TOO_LARGE');
    expect((refused.body as { detail: string }).detail).toBe(
      `Together the documents may not exceed 10 MB; this draft already holds 10 MB, so at most ${10 * MiB - held} bytes more fit.`,
    );
  });

  const expectProblem = (reply: { status: number; body: unknown }, status: number, code: string) =>
    expect({ status: reply.status, code: (reply.body as { code: string }).code }).toEqual({ status, code });
});
