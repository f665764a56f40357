import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Task = { kind: string; text: string; dueOn?: string; deemedRejectedAt?: string };
type CaseView = {
  status: string;
  unit: { id: string; name: string } | null;
  informationRequest: { requested: string; dueOn: string } | null;
  outcome: string | null;
  notification: { notificationId: string; status: string; deemedRejectedAt: string } | null;
  todo: Task[];
};
type StaffView = {
  status: string;
  request?: { requested: string; dueOn: string };
  resolution?: { outcome: string };
};
type Timeline = { at: string; kind: string; text: string }[];

/** The staff's review status and the citizen statuses that read the same state. */
const SAME_STATE: Record<string, string[]> = {
  open: ['routed'],
  assigned: ['assigned', 'information-provided'],
  'awaiting-citizen': ['information-requested'],
  evaluated: ['evaluated'],
  resolved: ['resolved', 'notification-available', 'notification-accepted'],
  closed: ['closed'],
};

/**
 * The citizen follows their case over HTTP through every step of the review, and at each step
 * reads the same state the unit's staff read at /reviews/{id}: only the unit, never the reviewer.
 */
describe('the citizen’s status follows the whole case', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  it('shows assigned, information requested with its due date, provided, evaluated, resolved, notified, accepted and closed, in es, ca and en', async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'clave-permanente',
      mobile: '+34600000004',
    });
    const supervisor = await ApiClient.login(system.api, {
      subject: '50123456Q',
      name: 'Supervisora INSS Madrid',
      roles: ['supervisor'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });
    const reviewer = await ApiClient.login(system.api, {
      subject: '50234567Z',
      name: 'Revisor Secreto',
      roles: ['reviewer'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });

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
    await citizen.request('POST', `${filing}/signing-code`);
    const submitted = await citizen.request(
      'POST',
      `${filing}/submission`,
      { signingCode: await citizen.lastSmsCode() },
      { 'idempotency-key': `citizen-status-${caseId}` },
    );
    expect(submitted.status).toBe(201);

    const review = `/reviews/${caseId}`;
    const caseUrl = `/cases/${caseId}`;
    /**
     * Waits for the citizen to read one of `statuses`, then for the citizen's read model to
     * catch up with the review's stream the staff read (the worker may move the case on in
     * between, e.g. close it right after the acceptance): both then read the same state.
     */
    const follow = async (statuses: string[]): Promise<{ seen: CaseView; staff: StaffView }> => {
      await citizen.until<CaseView>(
        caseUrl,
        (r) => statuses.includes(r.body.status),
        `the case ${statuses.join('/')}`,
      );
      const staff = (await reviewer.request<StaffView>('GET', review)).body;
      const seen = (
        await citizen.until<CaseView>(
          caseUrl,
          (r) => SAME_STATE[staff.status]?.includes(r.body.status) ?? false,
          `the citizen to read the staff's ${staff.status}`,
        )
      ).body;
      expect(JSON.stringify(seen)).not.toMatch(/50234567Z|Revisor Secreto/);
      return { seen, staff };
    };

    const opened = await supervisor.until(review, (r) => r.status === 200, 'the review to open');
    await follow(['routed']);
    await supervisor.request(
      'POST',
      `${review}/assignment`,
      { reviewerId: '50234567Z' },
      {
        'if-match': opened.headers.get('etag')!,
      },
    );
    const assigned = await follow(['assigned']);
    expect(assigned.seen).toMatchObject({ unit: { id: 'INSS-28' }, todo: [] });

    const requested = 'Aporte el informe de la última revisión de neurología.';
    await reviewer.request('POST', `${review}/information-requests`, { requested });
    const asked = await follow(['information-requested']);
    expect(asked.seen.informationRequest).toEqual({ requested, dueOn: asked.staff.request!.dueOn });
    expect(asked.seen.todo).toEqual([
      {
        kind: 'answer-information-request',
        requested,
        dueOn: asked.staff.request!.dueOn,
        text: expect.stringMatching(/^Aporte la información pedida .* hasta el \d+ de \w+ de 20\d\d\.$/),
      },
    ]);
    const inEnglish = await citizen.request<CaseView>('GET', caseUrl, undefined, {
      'accept-language': 'en-GB, es;q=0.5',
    });
    expect(inEnglish.body.todo[0]!.text).toMatch(
      /^Provide the information requested .* by \d+ \w+ 20\d\d\.$/,
    );
    const inCatalan = await citizen.request<CaseView>('GET', `${caseUrl}?lang=ca`, undefined, {
      'accept-language': 'en',
    });
    expect(inCatalan.body.todo[0]!.text).toMatch(/^Aporteu la informació demanada/);

    const doc = await citizen.upload(`${review}/information/documents`, {
      name: 'neurologia.pdf',
      bytes: pdfBytes('neuro'),
    });
    const blobHash = (doc.body as { document: { blobHash: string } }).document.blobHash;
    await citizen.request('POST', `${review}/information/signing-code`);
    const provided = await citizen.request('POST', `${review}/information`, {
      statement: 'Adjunto el informe.',
      documents: [blobHash],
      signingCode: await citizen.lastSmsCode(),
    });
    expect(provided.status).toBe(201);
    expect((await follow(['information-provided'])).seen).toMatchObject({
      informationRequest: null,
      todo: [],
    });

    await reviewer.request('POST', `${review}/evaluation`, {
      findings: 'Los informes acreditan la situación.',
    });
    await follow(['evaluated']);
    const current = await reviewer.request('GET', review);
    await reviewer.request(
      'POST',
      `${review}/resolution`,
      { outcome: 'partially-granted', grounds: 'Se acredita en parte.', legalBasis: 'Art. 193 LGSS.' },
      { 'if-match': current.headers.get('etag')! },
    );
    const resolved = await follow(['resolved', 'notification-available']);
    expect(resolved.seen.outcome).toBe(resolved.staff.resolution!.outcome);

    const notified = await follow(['notification-available']);
    const { notificationId, deemedRejectedAt } = notified.seen.notification!;
    expect(notified.seen.todo).toEqual([
      expect.objectContaining({
        kind: 'open-notification',
        deemedRejectedAt,
        text: expect.stringMatching(/se tendrá por rechazada el \d+ de \w+ de 20\d\d\.$/),
      }),
    ]);

    expect((await citizen.request('POST', `/notifications/${notificationId}/access`)).status).toBe(200);
    await citizen.until<CaseView>(
      caseUrl,
      (r) => r.body.todo[0]?.kind === 'answer-notification',
      'the opened notification',
    );
    await citizen.request('POST', `/notifications/${notificationId}/signing-code`);
    const accepted = await citizen.request('POST', `/notifications/${notificationId}/acceptance`, {
      signingCode: await citizen.lastSmsCode(),
    });
    expect(accepted.status).toBe(200);
    await follow(['notification-accepted', 'closed']);
    const closed = await follow(['closed']);
    expect(closed.seen).toMatchObject({
      outcome: 'partially-granted',
      notification: { notificationId, status: 'accepted' },
      todo: [],
    });

    const timeline = async (query: string, headers: Record<string, string> = {}) =>
      (await citizen.request<Timeline>('GET', `${caseUrl}/timeline${query}`, undefined, headers)).body;
    const es = await timeline('');
    expect(es.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining([
        'ReviewerAssigned',
        'InformationRequested',
        'InformationProvided',
        'CaseEvaluated',
        'CaseResolved',
        'ResolutionIssued',
        'NotificationMadeAvailable',
        'NotificationAccessed',
        'NotificationAccepted',
        'CaseClosed',
      ]),
    );
    const said = (entries: Timeline, kind: string) => entries.find((entry) => entry.kind === kind)?.text;
    expect(said(es, 'CaseResolved')).toBe('Su expediente está resuelto: estimado en parte.');
    expect(said(await timeline('?lang=ca'), 'CaseResolved')).toBe(
      'El vostre expedient està resolt: estimat en part.',
    );
    expect(said(await timeline('', { 'accept-language': 'en' }), 'CaseClosed')).toBe('Case closed.');
    expect(said(await timeline('', { 'accept-language': 'fr, ca;q=0.9' }), 'CaseClosed')).toBe(
      'Expedient tancat.',
    );
    expect(JSON.stringify(es)).not.toMatch(/50234567Z|Revisor Secreto/);

    const unknown = await citizen.request('GET', `${caseUrl}/timeline?lang=fr`);
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
