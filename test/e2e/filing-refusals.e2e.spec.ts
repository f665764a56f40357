import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient, Login, pdfBytes, Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

const PROBLEM_JSON = 'application/problem+json';
const MiB = 1024 * 1024;

type Problem = {
  status: number;
  code: string;
  title: string;
  detail: string;
  facts?: Record<string, unknown>;
  [extension: string]: unknown;
};
type Draft = { caseId: string; version: number };

/** What a refusal must leave untouched: the log, the register's numbering, idempotency keys and blobs. */
interface Stored {
  readonly events: number;
  readonly registryNumbers: number;
  readonly idempotencyKeys: number;
  readonly blobs: readonly string[];
}

/** Today's date in Madrid, the register's calendar, moved by whole months (clamped to the month's end) and days. */
function madridDate({ months = 0, days = 0 }: { months?: number; days?: number }): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  const moved = new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay)) + days * 86_400_000);
  return moved.toISOString().slice(0, 10);
}

/**
 * Every refusal of the filing API, over real HTTP against PostgreSQL and Redis: problem+json
 * (RFC 9457) with a stable code, the right status and a human detail — and nothing stored.
 */
describe('refusals of the filing API', () => {
  let system: RunningSystem;
  let blobRoot: string;

  beforeAll(async () => {
    system = await startSystem();
    blobRoot = join(process.env.DATA_DIR!, 'blobs');
  });
  afterAll(() => system?.stop());

  const count = async (sql: string): Promise<number> => {
    const [row] = await system.storage.sql.query<{ n: number | string }>(sql);
    return Number(row?.n ?? 0);
  };
  const blobEntries = async (): Promise<string[]> => {
    try {
      return (await readdir(blobRoot, { recursive: true })).sort();
    } catch {
      return [];
    }
  };
  const stored = async (): Promise<Stored> => ({
    events: await count('SELECT count(*) AS n FROM events'),
    registryNumbers: await count('SELECT COALESCE(sum(last), 0) AS n FROM registry_counters'),
    idempotencyKeys: await count('SELECT count(*) AS n FROM idempotency_keys'),
    blobs: await blobEntries(),
  });
  const expectNothingStoredSince = async (before: Stored) => expect(await stored()).toEqual(before);
  const versionOf = (caseId: string) => system.storage.eventStore.streamVersion(`case-${caseId}`);

  const expectProblem = (reply: Reply, status: number, code: string): Problem => {
    const body = reply.body as Problem;
    expect({ status: reply.status, code: body.code }).toEqual({ status, code });
    expect(reply.headers.get('content-type')).toContain(PROBLEM_JSON);
    expect(body.status).toBe(status);
    expect(typeof body.detail).toBe('string');
    expect(body.detail.trim()).not.toBe('');
    return body;
  };

  const login = (
    subject: string,
    levelOfAssurance: Login['levelOfAssurance'] = 'certificate',
    mobile?: string,
  ) =>
    ApiClient.login(system.api, {
      subject,
      name: `Persona ${subject}`,
      levelOfAssurance,
      ...(mobile && { mobile }),
    });

  const medicalDraft = async (
    filer: ApiClient,
    body: { subject: string; benefitRequestRef: string; provinceCode: string },
  ) => {
    const created = await filer.request<Draft>('POST', '/filings/medical-reports', body);
    expect(created.status).toBe(201);
    return { ...created.body, path: `/filings/medical-reports/${created.body.caseId}` };
  };
  const entitlementDraft = async (filer: ApiClient, body: Record<string, unknown> = {}) => {
    const created = await filer.request<Draft>('POST', '/filings/entitlement-applications', {
      subject: filer.who.subject,
      provinceCode: '28',
      beneficiaries: [],
      ...body,
    });
    expect(created.status).toBe(201);
    return { ...created.body, path: `/filings/entitlement-applications/${created.body.caseId}` };
  };
  const attach = async (filer: ApiClient, path: string, kind: string, name = `${kind}.pdf`, padding = 0) => {
    const uploaded = await filer.upload(`${path}/attachments`, {
      name,
      kind,
      bytes: pdfBytes(`${name} ${randomUUID()}`, padding),
    });
    expect(uploaded.status).toBe(201);
  };
  const submit = (filer: ApiClient, path: string, body: unknown = {}, key = `key-${randomUUID()}`) =>
    filer.request('POST', `${path}/submission`, body, { 'idempotency-key': key });

  /** Reports of 34567890V's active temporary-incapacity request in Madrid, ready to submit. */
  const readyMedicalFiling = async (filer: ApiClient) => {
    const draft = await medicalDraft(filer, {
      subject: '34567890V',
      benefitRequestRef: 'IT-2026-007001',
      provinceCode: '28',
    });
    await attach(filer, draft.path, 'medical-report');
    return draft;
  };

  describe('uploads', () => {
    it('refuses a single document over 10 MiB with 413 UPLOAD_TOO_LARGE and keeps no blob', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const before = await stored();
      const reply = await filer.upload(`${draft.path}/attachments`, {
        name: 'informe.pdf',
        kind: 'medical-report',
        bytes: pdfBytes('too big', 10 * MiB + 1),
      });
      const problem = expectProblem(reply, 413, 'UPLOAD_TOO_LARGE');
      expect(problem.facts).toMatchObject({ limit: 10 * MiB });
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(draft.version);
    });

    it('refuses the document that takes the draft over 10 MiB in total with 413 UPLOAD_TOO_LARGE', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      await attach(filer, draft.path, 'medical-report', 'first.pdf', 6 * MiB);
      const version = await versionOf(draft.caseId);
      const before = await stored();
      const reply = await filer.upload(`${draft.path}/attachments`, {
        name: 'second.pdf',
        kind: 'medical-report',
        bytes: pdfBytes('second', 5 * MiB),
      });
      // The budget is what the draft has left, enforced while streaming: refused before anything is kept.
      const problem = expectProblem(reply, 413, 'UPLOAD_TOO_LARGE');
      expect(problem.facts?.limit).toBeLessThanOrEqual(4 * MiB);
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it('refuses an executable named report.pdf with 415 UNSUPPORTED_FILE_TYPE', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const before = await stored();
      const reply = await filer.upload(`${draft.path}/attachments`, {
        name: 'report.pdf',
        kind: 'medical-report',
        type: 'application/pdf',
        bytes: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096, 0x41)]),
      });
      expectProblem(reply, 415, 'UNSUPPORTED_FILE_TYPE');
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(draft.version);
    });

    it('refuses a path-traversal file name with 422 UNSAFE_FILENAME', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const before = await stored();
      const reply = await filer.upload(`${draft.path}/attachments`, {
        name: '../../etc/passwd.pdf',
        kind: 'medical-report',
        bytes: pdfBytes('traversal'),
      });
      const problem = expectProblem(reply, 422, 'UNSAFE_FILENAME');
      expect(problem.facts).toMatchObject({ filename: '../../etc/passwd.pdf' });
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(draft.version);
    });

    it('refuses a document of a kind the procedure does not take: 422 ATTACHMENT_KIND_NOT_ALLOWED, no blob', async () => {
      const holder = await login('34567890V');
      const draft = await entitlementDraft(holder);
      const before = await stored();
      const reply = await holder.upload(`${draft.path}/attachments`, {
        name: 'informe.pdf',
        kind: 'medical-report',
        bytes: pdfBytes(`wrong kind ${randomUUID()}`),
      });
      const problem = expectProblem(reply, 422, 'ATTACHMENT_KIND_NOT_ALLOWED');
      expect(problem.facts).toMatchObject({ kind: 'medical-report' });
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(draft.version);
    });

    it('refuses the same document twice on one draft: 409 ATTACHMENT_ALREADY_ATTACHED, its blob kept', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const document = {
        name: 'informe.pdf',
        kind: 'medical-report',
        bytes: pdfBytes(`twice ${randomUUID()}`),
      };
      expect((await filer.upload(`${draft.path}/attachments`, document)).status).toBe(201);
      const version = await versionOf(draft.caseId);
      const before = await stored();
      const again = await filer.upload(`${draft.path}/attachments`, { ...document, name: 'copia.pdf' });
      expectProblem(again, 409, 'ATTACHMENT_ALREADY_ATTACHED');
      // The refused copy is the attached document's blob: it must still be there.
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it('of two documents racing past 10 MiB in total, keeps one and refuses the other without its blob', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const before = await stored();
      // Both read the budget of an empty draft; whichever is judged second finds the other attached.
      const replies = await Promise.all(
        ['a', 'b'].map((name) =>
          filer.upload(`${draft.path}/attachments`, {
            name: `${name}.pdf`,
            kind: 'medical-report',
            bytes: pdfBytes(`${name} ${randomUUID()}`, 6 * MiB),
          }),
        ),
      );
      const [kept, refused] = replies[0]!.status === 201 ? replies : [replies[1]!, replies[0]!];
      expect(kept!.status).toBe(201);
      expectProblem(refused!, 422, 'ATTACHMENTS_TOO_LARGE');
      const { blobHash } = (kept!.body as { attachment: { blobHash: string } }).attachment;
      const files = (await blobEntries()).filter((entry) => !before.blobs.includes(entry));
      expect(files.filter((entry) => /[0-9a-f]{64}$/.test(entry))).toEqual([
        join(blobHash.slice(0, 2), blobHash.slice(2, 4), blobHash),
      ]);
      expect(await versionOf(draft.caseId)).toBe(draft.version + 1);
    });

    it("keeps another draft's blob when this draft refuses the same bytes", async () => {
      const holder = await login('34567890V');
      const medical = await medicalDraft(holder, {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      });
      const bytes = pdfBytes(`shared ${randomUUID()}`);
      const first = await holder.upload(`${medical.path}/attachments`, {
        name: 'informe.pdf',
        kind: 'medical-report',
        bytes,
      });
      expect(first.status).toBe(201);
      const { blobHash } = (first.body as { attachment: { blobHash: string } }).attachment;
      const entitlement = await entitlementDraft(holder);
      const before = await stored();
      const reply = await holder.upload(`${entitlement.path}/attachments`, {
        name: 'informe.pdf',
        kind: 'medical-report',
        bytes,
      });
      expectProblem(reply, 422, 'ATTACHMENT_KIND_NOT_ALLOWED');
      await expectNothingStoredSince(before);
      expect(before.blobs).toContain(join(blobHash.slice(0, 2), blobHash.slice(2, 4), blobHash));
    });

    it("refuses an upload to someone else's draft before reading it, with 403 NOT_THE_FILER", async () => {
      const owner = await login('12345678Z');
      const other = await login('23456789D');
      const draft = await medicalDraft(owner, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const before = await stored();
      const reply = await other.upload(`${draft.path}/attachments`, {
        name: 'intruso.pdf',
        kind: 'medical-report',
        bytes: pdfBytes('intruder'),
      });
      expectProblem(reply, 403, 'NOT_THE_FILER');
      await expectNothingStoredSince(before);
    });

    it('refuses a document for a filing already submitted, before reading it: 409 ALREADY_SUBMITTED', async () => {
      const filer = await login('34567890V');
      const draft = await readyMedicalFiling(filer);
      expect((await submit(filer, draft.path)).status).toBe(201);
      // The worker adds the proof of receipt (events and blobs); the refusal is judged after it.
      await filer.until<{ receipt: { status: string } }>(
        `/cases/${draft.caseId}`,
        (r) => r.body.receipt?.status === 'ready',
        'the proof of receipt',
      );
      const before = await stored();
      const reply = await filer.upload(`${draft.path}/attachments`, {
        name: 'tarde.pdf',
        kind: 'medical-report',
        bytes: pdfBytes(`late ${randomUUID()}`),
      });
      expectProblem(reply, 409, 'ALREADY_SUBMITTED');
      await expectNothingStoredSince(before);
    });
  });

  describe('entitlement applications', () => {
    it('refuses to submit without the application form (and without remarks): APPLICATION_FORM_REQUIRED', async () => {
      const holder = await login('34567890V');
      const draft = await entitlementDraft(holder);
      const before = await stored();
      expectProblem(await submit(holder, draft.path), 422, 'APPLICATION_FORM_REQUIRED');
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(draft.version);
    });

    it('refuses remarks set on a draft that has the form attached: REMARKS_NOT_ALLOWED_WITH_FORM', async () => {
      const holder = await login('34567890V');
      const draft = await entitlementDraft(holder);
      await attach(holder, draft.path, 'application-form');
      const version = await versionOf(draft.caseId);
      const before = await stored();
      const reply = await holder.request('PATCH', draft.path, { remarks: 'Please hurry.' });
      expectProblem(reply, 422, 'REMARKS_NOT_ALLOWED_WITH_FORM');
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it('refuses to submit a draft with remarks and the form attached: REMARKS_NOT_ALLOWED_WITH_FORM', async () => {
      const holder = await login('34567890V');
      // Remarks first, the form after: attaching does not judge remarks, the submission does.
      const draft = await entitlementDraft(holder, { remarks: 'No tengo el formulario a mano.' });
      await attach(holder, draft.path, 'application-form');
      const version = await versionOf(draft.caseId);
      const before = await stored();
      expectProblem(await submit(holder, draft.path), 422, 'REMARKS_NOT_ALLOWED_WITH_FORM');
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it.each([
      ['born a month ago', madridDate({ months: -1 })],
      ['born exactly three months ago today', madridDate({ months: -3 })],
    ])(
      'refuses a beneficiary %s (not over three months on the filing date): BENEFICIARY_UNDER_THREE_MONTHS',
      async (_, birthDate) => {
        const holder = await login('34567890V');
        const draft = await entitlementDraft(holder, {
          beneficiaries: [{ name: 'Bebé Martín', birthDate }],
        });
        await attach(holder, draft.path, 'application-form');
        const version = await versionOf(draft.caseId);
        const before = await stored();
        const problem = expectProblem(
          await submit(holder, draft.path),
          422,
          'BENEFICIARY_UNDER_THREE_MONTHS',
        );
        expect(problem.facts).toMatchObject({ birthDate, filingDate: madridDate({}) });
        await expectNothingStoredSince(before);
        expect(await versionOf(draft.caseId)).toBe(version);
      },
    );
  });

  describe('medical reports', () => {
    it('refuses reports for a benefit request with no active record in that province: NO_ACTIVE_BENEFIT_RECORD', async () => {
      const filer = await login('23456789D');
      const draft = await medicalDraft(filer, {
        subject: '23456789D',
        benefitRequestRef: 'IP-2025-000999', // on record in Sevilla, but no longer active
        provinceCode: '41',
      });
      await attach(filer, draft.path, 'medical-report');
      const version = await versionOf(draft.caseId);
      const before = await stored();
      const problem = expectProblem(await submit(filer, draft.path), 422, 'NO_ACTIVE_BENEFIT_RECORD');
      expect(problem.facts).toMatchObject({ benefitRequestRef: 'IP-2025-000999', provinceCode: '41' });
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it('refuses a reference unknown in that province: NO_ACTIVE_BENEFIT_RECORD', async () => {
      const filer = await login('34567890V');
      const draft = await medicalDraft(filer, {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001', // active, but in Madrid, not Barcelona
        provinceCode: '08',
      });
      await attach(filer, draft.path, 'medical-report');
      const before = await stored();
      expectProblem(await submit(filer, draft.path), 422, 'NO_ACTIVE_BENEFIT_RECORD');
      await expectNothingStoredSince(before);
    });
  });

  describe('representation and levels of assurance', () => {
    it('refuses filing for another person with no document and no power: 403 REPRESENTATION_REQUIRED', async () => {
      const filer = await login('56789012B');
      const draft = await medicalDraft(filer, {
        subject: '45678901G',
        benefitRequestRef: 'IP-2026-003300',
        provinceCode: '46',
      });
      await attach(filer, draft.path, 'medical-report');
      const version = await versionOf(draft.caseId);
      const before = await stored();
      const problem = expectProblem(await submit(filer, draft.path), 403, 'REPRESENTATION_REQUIRED');
      expect(problem.facts).toMatchObject({ subject: '45678901G', powers: [] });
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it('refuses a power for a past period: it cannot be accepted, and filing with it is REPRESENTATION_REQUIRED', async () => {
      const principal = await login('23456789D');
      const proxy = await login('87654321X');
      const granted = await principal.request<{ powerId: string }>('POST', '/powers', {
        proxy: '87654321X',
        procedures: ['medical-report-submission'],
        validFrom: '2023-01-01',
        validUntil: '2024-12-31',
      });
      expect(granted.status).toBe(201);
      const { powerId } = granted.body;
      const powerVersion = await system.storage.eventStore.streamVersion(`power-${powerId}`);
      const refusedAcceptance = await proxy.request('POST', `/powers/${powerId}/acceptance`);
      expectProblem(refusedAcceptance, 409, 'POWER_EXPIRED');
      expect(await system.storage.eventStore.streamVersion(`power-${powerId}`)).toBe(powerVersion);
      await proxy.until<unknown[]>('/powers', (r) => JSON.stringify(r.body).includes(powerId), 'the power');

      const draft = await medicalDraft(proxy, {
        subject: '23456789D',
        benefitRequestRef: 'IP-2026-004567',
        provinceCode: '08',
      });
      await attach(proxy, draft.path, 'medical-report');
      const before = await stored();
      const problem = expectProblem(await submit(proxy, draft.path), 403, 'REPRESENTATION_REQUIRED');
      expect(problem.facts).toMatchObject({ powers: [{ powerId, reason: 'not-accepted' }] });
      await expectNothingStoredSince(before);
    });

    it('refuses a power that was accepted but has since expired: REPRESENTATION_REQUIRED, reason "expired"', async () => {
      // The API cannot make this power today (an expired power cannot be accepted), so the register's
      // history is written as it would have been: granted and accepted in 2023, ran out at the end of 2024.
      const powerId = randomUUID();
      await system.storage.eventStore.append(
        `power-${powerId}`,
        [
          {
            id: randomUUID(),
            type: 'PowerGranted',
            data: {
              powerId,
              principal: '12345678Z',
              proxy: '34567890V',
              procedures: ['medical-report-submission', 'entitlement-application'],
              validFrom: '2023-01-01',
              validUntil: '2024-12-31',
              grantedAt: '2023-01-01T09:00:00.000Z',
            },
            metadata: { actor: '12345678Z', role: 'citizen', levelOfAssurance: 'certificate' },
          },
          {
            id: randomUUID(),
            type: 'PowerAccepted',
            data: { powerId, proxy: '34567890V', acceptedAt: '2023-01-02T09:00:00.000Z' },
            metadata: { actor: '34567890V', role: 'citizen', levelOfAssurance: 'certificate' },
          },
        ],
        { expectedVersion: 'no-stream' },
      );
      const proxy = await login('34567890V');
      await proxy.until<{ powerId: string; status: string }[]>(
        '/powers',
        (r) => r.body.some((power) => power.powerId === powerId && power.status === 'accepted'),
        'the expired power in the register',
      );

      const draft = await medicalDraft(proxy, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000124',
        provinceCode: '28',
      });
      await attach(proxy, draft.path, 'medical-report');
      const before = await stored();
      const problem = expectProblem(await submit(proxy, draft.path), 403, 'REPRESENTATION_REQUIRED');
      expect(problem.facts).toMatchObject({
        subject: '12345678Z',
        procedure: 'medical-report-submission',
        powers: [{ powerId, reason: 'expired' }],
      });
      await expectNothingStoredSince(before);
    });

    it('refuses Cl@ve móvil acting for someone else: 403 LEVEL_OF_ASSURANCE_TOO_LOW', async () => {
      const filer = await login('12345678Z', 'clave-movil');
      const before = await stored();
      const reply = await filer.request('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      });
      const problem = expectProblem(reply, 403, 'LEVEL_OF_ASSURANCE_TOO_LOW');
      expect(problem.facts).toMatchObject({ levelOfAssurance: 'clave-movil' });
      await expectNothingStoredSince(before);
    });
  });

  describe('signing and submission', () => {
    it('says what the filing lacks before asking a Cl@ve permanente filer for a code: MEDICAL_REPORT_REQUIRED', async () => {
      const filer = await login('34567890V', 'clave-permanente', '+34600000103');
      const draft = await medicalDraft(filer, {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      });
      const before = await stored();
      expectProblem(await submit(filer, draft.path), 422, 'MEDICAL_REPORT_REQUIRED');
      await expectNothingStoredSince(before);
    });

    it('counts down wrong signing codes, then refuses even the right one; no register number is used', async () => {
      const filer = await login('34567890V', 'clave-permanente', '+34600000101');
      const draft = await readyMedicalFiling(filer);
      const version = await versionOf(draft.caseId);
      expect((await filer.request('POST', `${draft.path}/signing-code`)).status).toBe(202);
      const code = await filer.lastSmsCode();
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const before = await stored();
      // One submission attempt, retried with the same key: a refusal must not spend the key.
      const key = `otp-${randomUUID()}`;
      for (const attemptsLeft of [2, 1, 0]) {
        const problem = expectProblem(
          await submit(filer, draft.path, { signingCode: wrong }, key),
          422,
          'SIGNING_CODE_WRONG',
        );
        expect(problem.attemptsLeft).toBe(attemptsLeft);
      }
      expectProblem(
        await submit(filer, draft.path, { signingCode: code }, key),
        429,
        'SIGNING_CODE_ATTEMPTS_EXHAUSTED',
      );
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it('refuses a submission without an Idempotency-Key: 400 IDEMPOTENCY_KEY_REQUIRED', async () => {
      const filer = await login('34567890V');
      const draft = await readyMedicalFiling(filer);
      const version = await versionOf(draft.caseId);
      const before = await stored();
      expectProblem(
        await filer.request('POST', `${draft.path}/submission`, {}),
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
      );
      expectProblem(
        await filer.request('POST', `${draft.path}/submission`, {}, { 'idempotency-key': 'short' }),
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
      );
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });

    it('refuses a Cl@ve permanente submission without the signing code: SIGNATURE_OTP_REQUIRED', async () => {
      const filer = await login('34567890V', 'clave-permanente', '+34600000102');
      const draft = await readyMedicalFiling(filer);
      const version = await versionOf(draft.caseId);
      const before = await stored();
      expectProblem(await submit(filer, draft.path, {}), 403, 'SIGNATURE_OTP_REQUIRED');
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(version);
    });
  });

  describe('drafts', () => {
    it('refuses an edit made on a stale version: 409 CONCURRENT_MODIFICATION with both versions', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const edited = await filer.request<Draft>(
        'PATCH',
        draft.path,
        { provinceCode: '28' },
        { 'if-match': '"0"' },
      );
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(1);
      const before = await stored();
      const stale = await filer.request(
        'PATCH',
        draft.path,
        { benefitRequestRef: 'IT-2026-000124' },
        { 'if-match': '"0"' },
      );
      const problem = expectProblem(stale, 409, 'CONCURRENT_MODIFICATION');
      expect(problem).toMatchObject({ expectedVersion: 0, actualVersion: 1 });
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(1);
    });

    it('refuses a malformed JSON body: 400 MALFORMED_JSON', async () => {
      const filer = await login('12345678Z');
      const before = await stored();
      const reply = await filer.request('POST', '/filings/medical-reports', '{"subject": "12345678Z",', {
        'content-type': 'application/json',
      });
      expectProblem(reply, 400, 'MALFORMED_JSON');
      await expectNothingStoredSince(before);
    });

    it('refuses a draft without provinceCode: 400 VALIDATION_FAILED naming the field', async () => {
      const filer = await login('12345678Z');
      const before = await stored();
      const reply = await filer.request('POST', '/filings/medical-reports', {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
      });
      const problem = expectProblem(reply, 400, 'VALIDATION_FAILED');
      expect(problem.fields).toEqual([expect.objectContaining({ field: 'provinceCode' })]);
      await expectNothingStoredSince(before);
    });

    it('refuses an unknown province "99": 422 UNKNOWN_PROVINCE', async () => {
      const filer = await login('12345678Z');
      const before = await stored();
      const reply = await filer.request('POST', '/filings/entitlement-applications', {
        subject: '12345678Z',
        provinceCode: '99',
        beneficiaries: [],
      });
      expectProblem(reply, 422, 'UNKNOWN_PROVINCE');
      await expectNothingStoredSince(before);
    });
  });

  describe('access', () => {
    it('keeps another citizen out of a draft: 403 NOT_THE_FILER, and GET /cases/{id} is 404 CASE_NOT_FOUND', async () => {
      const owner = await login('12345678Z');
      const other = await login('87654321X');
      const draft = await medicalDraft(owner, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const before = await stored();
      expectProblem(await other.request('GET', draft.path), 403, 'NOT_THE_FILER');
      expectProblem(await other.request('PATCH', draft.path, { provinceCode: '28' }), 403, 'NOT_THE_FILER');
      expectProblem(await other.request('GET', `/cases/${draft.caseId}`), 404, 'CASE_NOT_FOUND');
      await expectNothingStoredSince(before);
      expect(await versionOf(draft.caseId)).toBe(draft.version);
    });

    it('answers 404 CASE_NOT_FOUND for a case that does not exist or is of the other procedure', async () => {
      const filer = await login('12345678Z');
      const draft = await medicalDraft(filer, {
        subject: '12345678Z',
        benefitRequestRef: 'IT-2026-000123',
        provinceCode: '08',
      });
      const before = await stored();
      expectProblem(
        await filer.request('GET', `/filings/medical-reports/${randomUUID()}`),
        404,
        'CASE_NOT_FOUND',
      );
      expectProblem(
        await filer.request('GET', `/filings/entitlement-applications/${draft.caseId}`),
        404,
        'CASE_NOT_FOUND',
      );
      expectProblem(
        await filer.request('PATCH', `/filings/entitlement-applications/${draft.caseId}`, { remarks: 'x' }),
        404,
        'CASE_NOT_FOUND',
      );
      await expectNothingStoredSince(before);
    });

    it('refuses a request without a token: 401 UNAUTHENTICATED', async () => {
      const before = await stored();
      const response = await fetch(`${system.api}/filings/medical-reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject: '12345678Z',
          benefitRequestRef: 'IT-2026-000123',
          provinceCode: '08',
        }),
      });
      const reply: Reply = {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as Record<string, unknown>,
      };
      expectProblem(reply, 401, 'UNAUTHENTICATED');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await expectNothingStoredSince(before);
    });

    it('refuses an unknown procedure: 404 UNKNOWN_PROCEDURE', async () => {
      const filer = await login('12345678Z');
      const before = await stored();
      const reply = await filer.request('POST', '/filings/disability-pensions', {
        subject: '12345678Z',
        provinceCode: '08',
      });
      const problem = expectProblem(reply, 404, 'UNKNOWN_PROCEDURE');
      expect(problem.procedures).toEqual(['medical-reports', 'entitlement-applications']);
      await expectNothingStoredSince(before);
    });

    it('refuses a case id that is not a UUID: 400', async () => {
      const filer = await login('12345678Z');
      const before = await stored();
      expectProblem(await filer.request('GET', '/filings/medical-reports/not-a-uuid'), 400, 'INVALID_ID');
      expectProblem(
        await filer.request('PATCH', '/filings/medical-reports/1234', { provinceCode: '28' }),
        400,
        'INVALID_ID',
      );
      await expectNothingStoredSince(before);
    });
  });
});
