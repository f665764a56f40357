import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { collect, eventually } from '../support/async';
import { fileMadridCase } from '../support/cases';
import { ApiClient, pdfBytes, type Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type CitizenView = {
  status: string;
  informationRequest: unknown;
  outcome: string | null;
  notification: { notificationId: string; status: string } | null;
  todo: { kind: string }[];
};
type Envelope = Omit<StoredEvent, 'recordedAt'> & { recordedAt: string };
type History = { streams: { stream: string; events: number }[]; items: Envelope[]; next: string | null };
type Point = { events: number; lastEvent: { id: string; type: string; position: number } | null };
type State = { point: Point; state: { review: { status: string }; citizen: CitizenView | null } };
type Change = { path: string; from?: unknown; to?: unknown };
type Diff = {
  changes: (Change & { events: string[] })[];
  events: {
    eventId: string;
    type: string;
    actor: string;
    role: string;
    levelOfAssurance: string;
    changes: Change[];
  }[];
};
type Activity = {
  items: { eventId: string; type: string; actor: string | null; caseId: string | null }[];
  next: string | null;
};
type Problem = { code: string; fields?: { field: string; message: string }[] };

const CITIZEN = '34567890V';
const SUPERVISOR = '50123456Q';
const REVIEWER = '50234567Z';
const json = (event: StoredEvent): Envelope => ({ ...event, recordedAt: event.recordedAt.toISOString() });
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

/**
 * A case filed and driven through its whole review over HTTP, then replayed by an auditor: every event
 * of every stream, the state at any instant equal to what the citizen read then, what changed and by
 * whom, and who did what, from the API and from `npm run audit`.
 */
describe('an auditor replays a case', () => {
  let system: RunningSystem;
  let auditor: ApiClient;
  let citizen: ApiClient;
  let caseId = '';
  let otherCase = '';
  /** What the citizen read at each step, and an instant when it still held. */
  const seen: { status: string; at: string; view: CitizenView }[] = [];
  let expected: StoredEvent[] = [];

  beforeAll(async () => {
    system = await startSystem();
    const login = (subject: string, name: string, roles: string[], unit?: string) =>
      ApiClient.login(system.api, {
        subject,
        name,
        roles,
        levelOfAssurance: 'certificate',
        ...(unit && { unit }),
      });
    auditor = await login('60345678A', 'Auditora', ['auditor']);
    const supervisor = await login(SUPERVISOR, 'Supervisora', ['supervisor'], 'INSS-28');
    const reviewer = await login(REVIEWER, 'Revisor', ['reviewer'], 'INSS-28');
    citizen = await ApiClient.login(system.api, {
      subject: CITIZEN,
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'clave-permanente',
      mobile: '+34600000004',
    });
    otherCase = await fileMadridCase(system);

    caseId = (
      await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: CITIZEN,
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body.caseId;
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
      { 'idempotency-key': `audit-${caseId}` },
    );
    expect(submitted.status).toBe(201);

    const review = `/reviews/${caseId}`;
    const step = async (status: string) => {
      const view = (
        await citizen.until<CitizenView>(`/cases/${caseId}`, (r) => r.body.status === status, status)
      ).body;
      seen.push({ status, at: new Date().toISOString(), view });
      await pause();
    };
    const opened = await supervisor.until(review, (r) => r.status === 200, 'the review to open');
    await step('routed');
    await supervisor.request(
      'POST',
      `${review}/assignment`,
      { reviewerId: REVIEWER },
      { 'if-match': opened.headers.get('etag')! },
    );
    await step('assigned');
    await reviewer.request('POST', `${review}/information-requests`, {
      requested: 'Aporte el informe de neurología.',
    });
    await step('information-requested');
    const doc = await citizen.upload(`${review}/information/documents`, {
      name: 'neuro.pdf',
      bytes: pdfBytes('neuro'),
    });
    await citizen.request('POST', `${review}/information/signing-code`);
    await citizen.request('POST', `${review}/information`, {
      statement: 'Adjunto el informe.',
      documents: [(doc.body as { document: { blobHash: string } }).document.blobHash],
      signingCode: await citizen.lastSmsCode(),
    });
    await step('information-provided');
    await reviewer.request('POST', `${review}/evaluation`, { findings: 'Acreditado.' });
    await step('evaluated');
    const current = await reviewer.request('GET', review);
    await reviewer.request(
      'POST',
      `${review}/resolution`,
      { outcome: 'granted', grounds: 'Se acredita.', legalBasis: 'Art. 193 LGSS.' },
      { 'if-match': current.headers.get('etag')! },
    );
    const notified = await citizen.until<CitizenView>(
      `/cases/${caseId}`,
      (r) => r.body.status === 'notification-available',
      'the notification',
    );
    const notificationId = notified.body.notification!.notificationId;
    await citizen.request('POST', `/notifications/${notificationId}/access`);
    await citizen.request('POST', `/notifications/${notificationId}/signing-code`);
    await citizen.request('POST', `/notifications/${notificationId}/acceptance`, {
      signingCode: await citizen.lastSmsCode(),
    });
    await step('closed');

    // Everything the log holds but the other case's: this case's streams, its notification and both alerts.
    await eventually(async () => {
      expected = (await collect(system.storage.eventStore.readAll())).filter(
        (e) => !e.stream.includes(otherCase),
      );
      return expected.filter((e) => e.type === 'AlertSent' || e.type === 'AlertFailed').length === 2;
    }, 'both alerts recorded');
  }, 120_000);
  afterAll(() => system?.stop());

  const get = <T>(path: string, as = auditor) => as.request<T>('GET', path);
  const refused = async (path: string, status: number, code: string, as = auditor): Promise<Problem> => {
    const reply: Reply<Problem> = await get<Problem>(path, as);
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status, code });
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    return reply.body;
  };
  const byType = (type: string) => expected.find((event) => event.type === type)!;

  it('lists every event of every stream of the case, each with its whole envelope, in log order, a page at a time', async () => {
    const items: Envelope[] = [];
    let page: History | undefined;
    do {
      const cursor: string = page?.next ? `&cursor=${page.next}` : '';
      page = (await get<History>(`/audit/cases/${caseId}/history?limit=7${cursor}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(7);
      items.push(...page.items);
    } while (page.next);
    expect(items).toEqual(expected.map(json));
    expect(page.streams.map((s) => s.stream.replace(/-[0-9a-f-]{36}$/, ''))).toEqual(
      expect.arrayContaining(['case', 'receipt', 'review', 'notification', 'alert']),
    );
    expect(page.streams.reduce((n, s) => n + s.events, 0)).toBe(expected.length);
    const signed = items.find((e) => e.type === 'ReportsSubmitted')!;
    expect(signed.metadata).toMatchObject({
      actor: CITIZEN,
      role: 'citizen',
      levelOfAssurance: 'clave-permanente',
    });
    expect(signed.metadata.correlationId).toEqual(expect.any(String));
    expect(signed.metadata.idempotencyKey).toEqual(expect.any(String));
    expect(items.find((e) => e.type === 'ProofOfReceiptIssued')!.metadata.causationId).toBe(signed.id);
    expect(items.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && e.schemaVersion === 1)).toBe(true);
  });

  it('folds the state at an instant between steps into what the citizen read then', async () => {
    const read = ({ status, informationRequest, outcome, notification, todo }: CitizenView) => ({
      status,
      informationRequest,
      outcome,
      notification: notification && {
        notificationId: notification.notificationId,
        status: notification.status,
      },
      todo: todo.map((task) => task.kind),
    });
    for (const { at, view } of seen) {
      const { state } = (await get<State>(`/audit/cases/${caseId}/state?at=${encodeURIComponent(at)}`)).body;
      expect(read(state.citizen!)).toEqual(read(view));
    }
  });

  it('folds the state up to a log position', async () => {
    const assigned = byType('ReviewerAssigned');
    const { body } = await get<State>(`/audit/cases/${caseId}/state?position=${assigned.position}`);
    expect(body.point.lastEvent).toMatchObject({ id: assigned.id, type: 'ReviewerAssigned' });
    expect(body.point.events).toBe(expected.indexOf(assigned) + 1);
    expect(body.state.review.status).toBe('assigned');
  });

  it('says what changed between two points, by which event, by whom, with which level of assurance', async () => {
    const assigned = byType('ReviewerAssigned');
    const before = expected[expected.indexOf(assigned) - 1]!;
    const one = (
      await get<Diff>(`/audit/cases/${caseId}/diff?from=${before.position}&to=${assigned.position}`)
    ).body;
    expect(one.events).toEqual([
      expect.objectContaining({
        eventId: assigned.id,
        type: 'ReviewerAssigned',
        actor: SUPERVISOR,
        role: 'supervisor',
        levelOfAssurance: 'certificate',
      }),
    ]);
    expect(one.changes).toContainEqual({
      path: 'review.status',
      from: 'open',
      to: 'assigned',
      events: [assigned.id],
    });
    expect(one.changes).toContainEqual({
      path: 'citizen.status',
      from: 'routed',
      to: 'assigned',
      events: [assigned.id],
    });

    const [routed, , , provided] = seen;
    const span = (await get<Diff>(`/audit/cases/${caseId}/diff?from=${routed!.at}&to=${provided!.at}`)).body;
    expect(span.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ReviewerAssigned', 'InformationRequested', 'InformationProvided']),
    );
    expect(span.events.find((e) => e.type === 'InformationProvided')).toMatchObject({
      actor: CITIZEN,
      levelOfAssurance: 'clave-permanente',
    });
    expect(span.changes).toContainEqual(
      expect.objectContaining({ path: 'citizen.status', from: 'routed', to: 'information-provided' }),
    );
  });

  it('finds who did what by actor, case, type and time, a page at a time', async () => {
    const search = (query: string) => get<Activity>(`/audit/activity?${query}`).then((r) => r.body);
    await eventually(
      async () => (await search(`caseId=${caseId}&limit=200`)).items.length === expected.length,
      'the projection to catch up',
    );
    const ids: string[] = [];
    let page: Activity | undefined;
    do {
      page = await search(`caseId=${caseId}&limit=5${page?.next ? `&cursor=${page.next}` : ''}`);
      ids.push(...page.items.map((item) => item.eventId));
    } while (page.next);
    expect(new Set(ids)).toEqual(new Set(expected.map((e) => e.id)));
    expect(ids).toHaveLength(expected.length);

    const reviewers = await search(`actor=${REVIEWER}&caseId=${caseId}`);
    expect(reviewers.items.map((i) => i.type)).toEqual([
      'InformationRequested',
      'CaseEvaluated',
      'CaseResolved',
    ]);
    expect((await search(`type=ReviewerAssigned`)).items).toEqual([
      expect.objectContaining({ actor: SUPERVISOR, caseId }),
    ]);
    const [, assigned, , , evaluated] = seen;
    const between = await search(`caseId=${caseId}&from=${assigned!.at}&to=${evaluated!.at}`);
    expect(between.items.map((i) => i.type)).toEqual(
      expect.arrayContaining(['InformationRequested', 'InformationProvided', 'CaseEvaluated']),
    );
    expect(between.items.map((i) => i.type)).not.toContain('ReviewerAssigned');
  });

  it('is for auditors only, and an unknown case is not found', async () => {
    await refused(`/audit/cases/${caseId}/history`, 403, 'FORBIDDEN_ROLE', citizen);
    await refused(`/audit/activity`, 403, 'FORBIDDEN_ROLE', citizen);
    await refused(`/audit/cases/3f6c2a9e-8d41-4b7a-9c0e-5a1d2b3c4d5e/state`, 404, 'CASE_NOT_FOUND');
    await refused(`/audit/cases/3f6c2a9e-8d41-4b7a-9c0e-5a1d2b3c4d5e/history`, 404, 'CASE_NOT_FOUND');
    await refused(`/audit/cases/not-a-case/diff?from=1&to=2`, 400, 'INVALID_ID');
  });

  it.each([
    ['state', 'at=2026-02-30T10:00:00Z', 'at'],
    ['state', 'at=yesterday', 'at'],
    ['state', 'at=2026-11-02T10:00:00Z&position=5', 'position'],
    ['diff', 'from=9&to=3', 'from'],
    ['diff', 'from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z', 'from'],
    ['diff', 'from=soon&to=3', 'from'],
    ['diff', 'from=9999999999999&to=2000-01-01T00:00:00Z', 'from'],
    ['diff', 'to=3', 'from'],
    ['history', 'limit=0', 'limit'],
    ['history', 'cursor=abc', 'cursor'],
  ])('refuses %s?%s with 422 naming %s', async (view, query, field) => {
    const problem = await refused(`/audit/cases/${caseId}/${view}?${query}`, 422, 'INVALID_QUERY');
    expect(problem.fields).toContainEqual({ field, message: expect.stringMatching(/^(must|cannot|falls)/) });
  });

  it.each([
    ['type=Nothing', 'type'],
    ['actor=12345678A', 'actor'],
    ['caseId=7', 'caseId'],
    ['from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z', 'from'],
    ['cursor=bm9wZQ', 'cursor'],
  ])('refuses activity?%s with 422 naming %s', async (query, field) => {
    const problem = await refused(`/audit/activity?${query}`, 422, 'INVALID_QUERY');
    expect(problem.fields).toContainEqual({ field, message: expect.stringMatching(/^must/) });
  });

  it('answers the same from npm run audit, as text and as JSON', () => {
    const entry = join(process.cwd(), 'dist/scripts/audit.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: npm test builds first (npm run build)`);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [entry, ...args], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...system.env, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
    const text = run('history', caseId);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`Case ${caseId}: ${expected.length} events`);
    expect(text.stdout).toContain(`ReviewerAssigned`);
    const asJson = JSON.parse(run('history', caseId, '--json').stdout) as History;
    expect(asJson.items.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    const diff = run('diff', caseId, '--from', seen[0]!.at, '--to', seen[1]!.at);
    expect(diff.stdout).toMatch(/review\.status: "open" → "assigned"/);
    expect(diff.stdout).toContain(`by ${SUPERVISOR}`);
    const activity = run('activity', '--actor', REVIEWER, '--case', caseId);
    expect(activity.stdout).toContain('CaseEvaluated');
    const bad = run('state', caseId, '--at', 'yesterday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/at must be/);
  });
});
