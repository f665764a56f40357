import type { DocumentRead } from '@expediente/domain';
import { ApiClient, Login, pdfBytes, Reply } from '../support/client';
import { eventsOf } from '../support/cases';
import { RunningSystem, startSystem } from '../support/system';

type Document = {
  blobHash: string;
  filename: string;
  contentType: string;
  size: number;
  kind: string;
  providedIn: string;
  providedAt: string;
};
type ReadRecord = {
  eventId: string;
  caseId: string;
  reader: { id: string; role: string; unit: { id: string; name: string }; levelOfAssurance: string };
  document: { blobHash: string; filename: string; contentType: string; providedIn: string };
  requestId: string;
  readAt: string;
  streamVersion: number;
  hash: string;
};
type ReadPage = { items: ReadRecord[]; next: string | null };
type Timeline = { at: string; kind: string; text: string }[];

/** From fixtures/staff.json. */
const MADRID_REVIEWER = {
  subject: '50234567Z',
  name: 'Pablo Moreno Díaz',
  roles: ['reviewer'],
  unit: 'INSS-28',
};
const MADRID_SUPERVISOR = {
  subject: '50123456Q',
  name: 'Elena Ruiz Navarro',
  roles: ['supervisor'],
  unit: 'INSS-28',
};
const CITIZEN = '34567890V';
/** Quotes, a semicolon, a header lookalike and three scripts: all a browser may send as a name. */
const HOSTILE_NAME = 'informe "urgente"; filename=x.html — cardiología 日本.pdf';

/**
 * A multipart upload written by hand: FormData percent-encodes quotes in a file name, but a
 * client may send them escaped in the quoted string, and the API keeps them.
 */
const rawUpload = (client: ApiClient, path: string, name: string, bytes: Buffer) => {
  const boundary = 'expediente-boundary';
  const quoted = name.replace(/["\\]/g, (char) => `\\${char}`);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmedical-report\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted}"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', path, body.toString('utf8'), {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
};

const expectNotFound = (reply: Reply) => {
  expect(reply.status).toBe(404);
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
};

/**
 * The competent unit's staff read a case's documents over real HTTP; every read is in the log
 * before its bytes go out, auditors query the reads, and the citizen sees which unit opened what.
 */
describe('documents of a case for the competent unit, every read recorded', () => {
  let system: RunningSystem;
  let citizen: ApiClient;
  let reviewer: ApiClient;
  let supervisor: ApiClient;
  let caseId: string;
  const filed: Record<string, Buffer> = {};

  const login = (
    who: Omit<Login, 'levelOfAssurance'>,
    levelOfAssurance: Login['levelOfAssurance'] = 'certificate',
  ) => ApiClient.login(system.api, { levelOfAssurance, ...who });

  beforeAll(async () => {
    system = await startSystem();
    citizen = await login(
      { subject: CITIZEN, name: 'Lucía Martín Gil', mobile: '+34600000004' },
      'clave-permanente',
    );
    reviewer = await login(MADRID_REVIEWER);
    supervisor = await login(MADRID_SUPERVISOR);

    const created = await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
      subject: CITIZEN,
      benefitRequestRef: 'IT-2026-007001',
      provinceCode: '28',
    });
    caseId = created.body.caseId;
    const filing = `/filings/medical-reports/${caseId}`;
    filed['informe.pdf'] = pdfBytes(`informe ${caseId}`);
    filed[HOSTILE_NAME] = pdfBytes(`urgente ${caseId}`);
    for (const [name, bytes] of Object.entries(filed)) {
      const uploaded = await rawUpload(citizen, `${filing}/attachments`, name, bytes);
      expect(uploaded.status).toBe(201);
    }
    await citizen.request('POST', `${filing}/signing-code`);
    const submitted = await citizen.request(
      'POST',
      `${filing}/submission`,
      { signingCode: await citizen.lastSmsCode() },
      { 'idempotency-key': `staff-documents-${caseId}` },
    );
    expect(submitted.status).toBe(201);

    const review = `/reviews/${caseId}`;
    const opened = await supervisor.until(review, (r) => r.status === 200, 'the review to open');
    await supervisor.request(
      'POST',
      `${review}/assignment`,
      { reviewerId: MADRID_REVIEWER.subject },
      { 'if-match': opened.headers.get('etag')! },
    );
    await reviewer.request('POST', `${review}/information-requests`, {
      requested: 'Aporte la analítica más reciente.',
    });
    const later = await citizen.upload(`${review}/information/documents`, {
      name: 'analitica.pdf',
      bytes: pdfBytes(`analitica ${caseId}`),
    });
    filed['analitica.pdf'] = pdfBytes(`analitica ${caseId}`);
    const blobHash = (later.body as { document: { blobHash: string } }).document.blobHash;
    await citizen.request('POST', `${review}/information/signing-code`);
    const provided = await citizen.request('POST', `${review}/information`, {
      statement: 'Adjunto la analítica.',
      documents: [blobHash],
      signingCode: await citizen.lastSmsCode(),
    });
    expect(provided.status).toBe(201);
  });
  afterAll(() => system?.stop());

  const documentsUrl = () => `/reviews/${caseId}/documents`;
  const listAs = async (client: ApiClient) =>
    (await client.request<{ documents: Document[] }>('GET', documentsUrl())).body.documents;
  const byName = (documents: Document[], name: string) => documents.find((d) => d.filename === name)!;
  const reads = async () =>
    (await eventsOf(system, `case-access-${caseId}`)).map((event) => ({
      ...event,
      data: event.data as DocumentRead['data'],
    }));

  it('lists the filing’s documents, the information provided later and the proof of receipt, each with the step that provided it', async () => {
    const listed = await reviewer.until<{ documents: Document[] }>(
      documentsUrl(),
      (r) => r.body.documents?.some((d) => d.providedIn === 'proof-of-receipt') ?? false,
      'the proof of receipt to be issued',
    );
    const documents = listed.body.documents;
    expect(documents.map((d) => [d.filename, d.providedIn])).toEqual([
      ['informe.pdf', 'filing'],
      [HOSTILE_NAME, 'filing'],
      ['analitica.pdf', 'information'],
      [expect.stringMatching(/^justificante-.+\.pdf$/), 'proof-of-receipt'],
    ]);
    for (const name of Object.keys(filed)) {
      expect(byName(documents, name)).toMatchObject({
        contentType: 'application/pdf',
        size: filed[name]!.length,
        providedAt: expect.any(String),
      });
    }
    expect(await listAs(supervisor)).toEqual(documents);
    // A listing shows names, not contents: nothing is recorded for it.
    expect(await reads()).toEqual([]);
  });

  it('serves a PDF inline with its stored type, nosniff and a safe name, after recording the read with its request id', async () => {
    const informe = byName(await listAs(reviewer), 'informe.pdf');
    const reply = await reviewer.request<Buffer>('GET', `${documentsUrl()}/${informe.blobHash}`, undefined, {
      'x-request-id': 'staff-doc-read-1',
    });
    expect(reply.status).toBe(200);
    expect(Buffer.compare(reply.body, filed['informe.pdf']!)).toBe(0);
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-disposition')).toBe(
      `inline; filename="informe.pdf"; filename*=UTF-8''informe.pdf`,
    );
    const [recorded, ...more] = await reads();
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({
      type: 'DocumentRead',
      metadata: { correlationId: 'staff-doc-read-1', actor: MADRID_REVIEWER.subject },
      data: {
        caseId,
        document: {
          blobHash: informe.blobHash,
          filename: 'informe.pdf',
          contentType: 'application/pdf',
          providedIn: 'filing',
        },
        reader: {
          id: MADRID_REVIEWER.subject,
          role: 'reviewer',
          unit: { id: 'INSS-28' },
          levelOfAssurance: 'certificate',
        },
        requestId: 'staff-doc-read-1',
        readAt: expect.stringMatching(/^20\d\d-/),
      },
    });
  });

  it('names a hostile file safely: two quotes, no line breaks, the exact name only in filename*', async () => {
    const hostile = byName(await listAs(supervisor), HOSTILE_NAME);
    const reply = await supervisor.request<Buffer>(
      'GET',
      `${documentsUrl()}/${hostile.blobHash}`,
      undefined,
      {
        'x-request-id': 'staff-doc-read-2',
      },
    );
    expect(reply.status).toBe(200);
    expect(Buffer.compare(reply.body, filed[HOSTILE_NAME]!)).toBe(0);
    const disposition = reply.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="[^"\\;/]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(HOSTILE_NAME);
    expect((await reads()).map((e) => e.data)).toContainEqual(
      expect.objectContaining({
        requestId: 'staff-doc-read-2',
        reader: expect.objectContaining({ role: 'supervisor' }),
      }),
    );
  });

  it('serves the information the citizen provided later, recorded as provided in the information step', async () => {
    const analitica = byName(await listAs(reviewer), 'analitica.pdf');
    const reply = await reviewer.request<Buffer>(
      'GET',
      `${documentsUrl()}/${analitica.blobHash}`,
      undefined,
      {
        'x-request-id': 'staff-doc-read-3',
      },
    );
    expect(reply.status).toBe(200);
    expect(Buffer.compare(reply.body, filed['analitica.pdf']!)).toBe(0);
    expect((await reads()).at(-1)?.data).toMatchObject({
      requestId: 'staff-doc-read-3',
      document: { filename: 'analitica.pdf', providedIn: 'information' },
    });
  });

  it('gives staff of the unit the case and its whole timeline', async () => {
    const status = await reviewer.request<{ caseId: string; unit: { id: string } }>(
      'GET',
      `/cases/${caseId}`,
    );
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ caseId, unit: { id: 'INSS-28' } });
    const timeline = await supervisor.until<Timeline>(
      `/cases/${caseId}/timeline`,
      (r) => r.status === 200 && r.body.some((entry) => entry.kind === 'InformationProvided'),
      'the timeline up to the information provided',
    );
    expect(timeline.body.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining([
        'ReportsSubmitted',
        'CaseRoutedToUnit',
        'InformationRequested',
        'InformationProvided',
      ]),
    );
  });

  it('answers 404 to another unit’s staff on the case, its timeline and every document, and records nothing', async () => {
    const before = (await reads()).length;
    const documents = await listAs(reviewer);
    const others = await Promise.all([
      login({ subject: '60234567M', name: 'Marc Serra Puig', roles: ['reviewer'], unit: 'ICAM' }),
      login({ subject: '41123456P', name: 'Rocío Castillo Vega', roles: ['supervisor'], unit: 'INSS-41' }),
    ]);
    for (const other of others) {
      expectNotFound(await other.request('GET', `/reviews/${caseId}`));
      expectNotFound(await other.request('GET', `/cases/${caseId}`));
      expectNotFound(await other.request('GET', `/cases/${caseId}/timeline`));
      expectNotFound(await other.request('GET', documentsUrl()));
      for (const { blobHash } of documents) {
        expectNotFound(await other.request('GET', `${documentsUrl()}/${blobHash}`));
      }
    }
    expect((await reads()).length).toBe(before);
  });

  it('answers 404, not 403, to the citizen and to an auditor on the staff routes', async () => {
    const [document] = await listAs(reviewer);
    const auditor = await login({ subject: '70123456K', name: 'Auditora', roles: ['auditor'] });
    for (const client of [citizen, auditor]) {
      expectNotFound(await client.request('GET', documentsUrl()));
      expectNotFound(await client.request('GET', `${documentsUrl()}/${document!.blobHash}`));
    }
    const unknown = await reviewer.request('GET', `${documentsUrl()}/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect((unknown.body as { code: string }).code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('refuses a Cl@ve móvil session of the unit the documents, saying what to use', async () => {
    const movil = await login(MADRID_REVIEWER, 'clave-movil');
    const reply = await movil.request('GET', documentsUrl());
    expect(reply.status).toBe(403);
    expect((reply.body as { code: string }).code).toBe('LEVEL_OF_ASSURANCE_TOO_LOW');
  });

  it('lets auditors find every read by case, person and time, a page at a time; nobody else', async () => {
    const auditor = await login({ subject: '70123456K', name: 'Auditora', roles: ['auditor'] });
    const all = await auditor.until<ReadPage>(
      `/audit/document-reads?caseId=${caseId}`,
      (r) => r.body.items?.length === 3,
      'the three reads in the audit projection',
    );
    const recorded = await reads();
    expect(all.body.items).toEqual(
      recorded.map((event) => ({
        eventId: event.id,
        caseId,
        reader: {
          ...event.data.reader,
          unit: { id: event.data.reader.unit.id, name: event.data.reader.unit.name },
        },
        document: event.data.document,
        requestId: event.data.requestId,
        readAt: event.data.readAt,
        streamVersion: event.streamVersion,
        hash: event.hash,
      })),
    );
    expect(all.body.items.map((r) => r.requestId)).toEqual([
      'staff-doc-read-1',
      'staff-doc-read-2',
      'staff-doc-read-3',
    ]);

    const byReviewer = await auditor.request<ReadPage>(
      'GET',
      `/audit/document-reads?caseId=${caseId}&actor=${MADRID_REVIEWER.subject.toLowerCase()}`,
    );
    expect(byReviewer.body.items.map((r) => r.requestId)).toEqual(['staff-doc-read-1', 'staff-doc-read-3']);
    const second = all.body.items[1]!.readAt;
    const window = await auditor.request<ReadPage>(
      'GET',
      `/audit/document-reads?caseId=${caseId}&from=${second}&to=${all.body.items[2]!.readAt}`,
    );
    expect(window.body.items.map((r) => r.requestId)).toEqual(['staff-doc-read-2']);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Reply<ReadPage> = await auditor.request<ReadPage>(
        'GET',
        `/audit/document-reads?caseId=${caseId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      paged.push(...page.body.items.map((r) => r.requestId));
      cursor = page.body.next;
    } while (cursor);
    expect(paged).toEqual(['staff-doc-read-1', 'staff-doc-read-2', 'staff-doc-read-3']);

    const badCursor = await auditor.request('GET', '/audit/document-reads?cursor=nope');
    expect(badCursor.status).toBe(400);
    for (const client of [reviewer, supervisor, citizen]) {
      const refused = await client.request('GET', `/audit/document-reads?caseId=${caseId}`);
      expect(refused.status).toBe(403);
      expect((refused.body as { code: string }).code).toBe('FORBIDDEN_ROLE');
    }
  });

  it('shows the citizen which unit opened which document and when, in es, ca and en, never who', async () => {
    const url = `/cases/${caseId}/timeline`;
    const opened = await citizen.until<Timeline>(
      url,
      (r) => Array.isArray(r.body) && r.body.filter((e) => e.kind === 'DocumentRead').length === 3,
      'the three reads in the citizen’s timeline',
    );
    const day = /\d{1,2} de \w+ de 20\d\d/;
    const [first] = opened.body.filter((e) => e.kind === 'DocumentRead');
    expect(first!.text).toMatch(
      /\(INSS-28\) abrió su documento «informe\.pdf» el \d{1,2} de \w+ de 20\d\d\.$/,
    );
    expect(first!.text).toMatch(day);
    const inCatalan = await citizen.request<Timeline>('GET', `${url}?lang=ca`);
    expect(inCatalan.body.find((e) => e.kind === 'DocumentRead')!.text).toMatch(
      /\(INSS-28\) va obrir el vostre document «informe\.pdf» el \d{1,2} /,
    );
    const inEnglish = await citizen.request<Timeline>('GET', url, undefined, { 'accept-language': 'en' });
    expect(inEnglish.body.find((e) => e.kind === 'DocumentRead')!.text).toMatch(
      /^Your document “informe\.pdf” was opened by .+ \(INSS-28\) on \d{1,2} \w+ 20\d\d\.$/,
    );
    const everything = JSON.stringify([opened.body, inCatalan.body, inEnglish.body]);
    for (const secret of [
      MADRID_REVIEWER.subject,
      MADRID_REVIEWER.name,
      MADRID_SUPERVISOR.subject,
      MADRID_SUPERVISOR.name,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
