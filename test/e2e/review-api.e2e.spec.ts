import { createHash, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  caseReviewDecider,
  citizenAnswerDueOn,
  DEFAULT_DEADLINE_POLICY,
  notificationDecider,
  SAMPLE_HOLIDAY_CALENDAR,
  type Actor,
  type CaseReviewCommand,
} from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { LocalDiskBlobStore } from '@expediente/infra/blobs/blob-store.local';
import { ProjectionRunner } from '@expediente/infra/projections/projection-runner';
import { reviewQueueProjection } from '@expediente/infra/review-queue/review-queue.projection';
import { DEFAULT_DEADLINE_RULES } from '@expediente/infra/deadlines/deadline-rules';
import { notificationInboxProjection } from '@expediente/infra/review-queue/notification-inbox.projection';
import { collect } from '../support/async';
import { ApiClient, Login, pdfBytes, Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

/** As the worker acts: the system, never a person. */
const SYSTEM: Actor = { id: 'system:worker', roles: [], levelOfAssurance: 'certificate' };
const DAY = 24 * 60 * 60 * 1000;

/** From fixtures/staff.json. */
const STAFF = {
  madridSupervisor: {
    subject: '50123456Q',
    name: 'Elena Ruiz Navarro',
    roles: ['supervisor'],
    unit: 'INSS-28',
  },
  madridReviewer: { subject: '50234567Z', name: 'Pablo Moreno Díaz', roles: ['reviewer'], unit: 'INSS-28' },
  madridColleague: { subject: '50345678N', name: 'Carmen Ortega Sanz', roles: ['reviewer'], unit: 'INSS-28' },
  sevilleSupervisor: {
    subject: '41123456P',
    name: 'Rocío Castillo Vega',
    roles: ['supervisor'],
    unit: 'INSS-41',
  },
  sevilleReviewer: { subject: '41234567Y', name: 'Manuel Romero Gil', roles: ['reviewer'], unit: 'INSS-41' },
  icamSupervisor: {
    subject: '60123456F',
    name: 'Montserrat Ferrer Vidal',
    roles: ['supervisor'],
    unit: 'ICAM',
  },
  icamReviewer: { subject: '60234567M', name: 'Marc Serra Puig', roles: ['reviewer'], unit: 'ICAM' },
} as const;

type Problem = { code: string; status: number };
type Outcome = { caseId: string; status: string; version: number };
type Dashboard = {
  counts: { unassigned: number; mine: number; awaitingCitizen: number; overdue: number };
  ageing: Record<string, number>;
  resolvedPerWeek: { week: string; weekStart: string; resolved: number }[];
};
type Page = {
  items: { caseId: string; status: string; overdue: boolean; openedAt: string; dueOn: string | null }[];
  next: string | null;
};
type NotificationView = { notificationId: string; status: string };

/**
 * The review, dashboard and notification APIs over real HTTP and PostgreSQL. Reviews and
 * notifications are seeded as the worker would open them (OpenReview, MakeNotificationAvailable),
 * so no worker runs here: its reactions to a seeded case (rendering a letter) are its own suite's.
 */
describe('review, dashboard and notification API', () => {
  let system: RunningSystem;
  let projections: ProjectionRunner[];
  const clients = new Map<string, ApiClient>();

  beforeAll(async () => {
    system = await startSystem({ worker: false });
    const { eventStore, sql } = system.storage;
    projections = [reviewQueueProjection(DEFAULT_DEADLINE_RULES), notificationInboxProjection].map(
      (projection) => new ProjectionRunner(eventStore, sql, projection),
    );
    for (const runner of projections) await runner.start();
  });
  afterAll(async () => {
    for (const runner of projections ?? []) await runner.stop();
    await system?.stop();
  });

  type Who = Omit<Login, 'levelOfAssurance' | 'roles'> & {
    readonly roles?: readonly string[];
    readonly levelOfAssurance?: Login['levelOfAssurance'];
  };
  const login = async (who: Who) => {
    const key = JSON.stringify(who);
    if (!clients.has(key)) {
      const roles = [...(who.roles ?? ['citizen'])];
      clients.set(key, await ApiClient.login(system.api, { levelOfAssurance: 'certificate', ...who, roles }));
    }
    return clients.get(key)!;
  };
  const citizen = (subject: string, levelOfAssurance: Login['levelOfAssurance'] = 'certificate') =>
    login({ subject, name: `Ciudadano ${subject}`, levelOfAssurance, mobile: '+34600111222' });

  const decide = (
    caseId: string,
    command: { type: string; data: unknown },
    actor = SYSTEM,
    now = new Date(),
  ) =>
    runCommand(system.storage.eventStore, caseReviewDecider, `review-${caseId}`, {
      ...command,
      metadata: { now, actor },
    } as CaseReviewCommand);

  /** A case routed to the province's unit, as the worker opens it on CaseRoutedToUnit. */
  const openReview = async (
    provinceCode: string,
    subject = '12345678Z',
    { routedAt = new Date(), openedAt = new Date() } = {},
  ): Promise<string> => {
    const caseId = randomUUID();
    const unit =
      provinceCode === '08'
        ? { kind: 'ICAM', id: 'ICAM', name: "Institut Català d'Avaluacions Mèdiques" }
        : { kind: 'INSS', id: `INSS-${provinceCode}`, name: `INSS ${provinceCode}` };
    await decide(
      caseId,
      {
        type: 'OpenReview',
        data: {
          caseId,
          procedure: 'medical-report-submission',
          provinceCode,
          unit,
          subject,
          filer: subject,
          routedAt: routedAt.toISOString(),
        },
      },
      SYSTEM,
      openedAt,
    );
    return caseId;
  };
  const staffActor = (who: (typeof STAFF)[keyof typeof STAFF]): Actor => ({
    id: who.subject,
    roles: [...who.roles],
    levelOfAssurance: 'certificate',
    unit: who.unit,
  });

  const expectProblem = (reply: Reply, status: number, code: string) => {
    expect({ status: reply.status, code: (reply.body as unknown as Problem).code }).toEqual({ status, code });
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  };
  const etagOf = async (client: ApiClient, caseId: string) =>
    (await client.request('GET', `/reviews/${caseId}`)).headers.get('etag')!;

  it('keeps a unit’s cases to its own staff: another unit gets 404 and never sees them on its dashboard', async () => {
    const madridCase = await openReview('28');
    const icamCase = await openReview('08', '23456789D');
    const icam = await login(STAFF.icamReviewer);
    const icamSupervisor = await login(STAFF.icamSupervisor);
    const madrid = await login(STAFF.madridSupervisor);

    expectProblem(await icam.request('GET', `/reviews/${madridCase}`), 404, 'REVIEW_NOT_FOUND');
    expectProblem(
      await icamSupervisor.request(
        'POST',
        `/reviews/${madridCase}/assignment`,
        { reviewerId: STAFF.icamReviewer.subject },
        { 'if-match': '"0"' },
      ),
      404,
      'REVIEW_NOT_FOUND',
    );
    expectProblem(await madrid.request('GET', `/reviews/${icamCase}`), 404, 'REVIEW_NOT_FOUND');
    const seen = await madrid.request<{ status: string; unit: { id: string } }>(
      'GET',
      `/reviews/${madridCase}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.headers.get('etag')).toBe('"0"');
    expect(seen.body).toMatchObject({ status: 'open', unit: { id: 'INSS-28' } });

    await icam.until<Page>(
      `/units/ICAM/cases`,
      (r) => r.body.items.some((i) => i.caseId === icamCase),
      'ICAM queue',
    );
    const icamCases = await icam.request<Page>('GET', '/units/ICAM/cases?limit=100');
    expect(icamCases.body.items.map((i) => i.caseId)).not.toContain(madridCase);
    expectProblem(await icam.request('GET', '/units/INSS-28/dashboard'), 403, 'WRONG_UNIT');
    expectProblem(await icam.request('GET', '/units/INSS-28/cases'), 403, 'WRONG_UNIT');
    expectProblem(await icam.request('GET', '/units/INSS-99/dashboard'), 404, 'UNKNOWN_UNIT');
    const citizenClient = await citizen('12345678Z');
    expectProblem(await citizenClient.request('GET', '/units/INSS-28/dashboard'), 403, 'FORBIDDEN_ROLE');
  });

  it('works a case from assignment to resolution, with the citizen answering signed by SMS code with a PDF', async () => {
    const caseId = await openReview('28', '34567890V');
    const supervisor = await login(STAFF.madridSupervisor);
    const reviewer = await login(STAFF.madridReviewer);
    const colleague = await login(STAFF.madridColleague);
    const subject = await citizen('34567890V', 'clave-permanente');
    const stranger = await citizen('45678901G', 'clave-permanente');
    const assign = (client: ApiClient, body: unknown, ifMatch?: string) =>
      client.request<Outcome>(
        'POST',
        `/reviews/${caseId}/assignment`,
        body,
        ifMatch ? { 'if-match': ifMatch } : {},
      );

    expectProblem(
      await assign(supervisor, { reviewerId: STAFF.madridReviewer.subject }),
      428,
      'IF_MATCH_REQUIRED',
    );
    expectProblem(await assign(supervisor, { reviewerId: '99999999R' }, '"0"'), 422, 'UNKNOWN_REVIEWER');
    expectProblem(
      await assign(supervisor, { reviewerId: STAFF.icamReviewer.subject }, '"0"'),
      403,
      'WRONG_UNIT',
    );
    expectProblem(
      await assign(reviewer, { reviewerId: STAFF.madridColleague.subject }, '"0"'),
      403,
      'ONLY_SUPERVISOR_MAY_ASSIGN',
    );
    expectProblem(
      await assign(supervisor, { reviewerId: STAFF.madridReviewer.subject }, '"7"'),
      409,
      'CONCURRENT_MODIFICATION',
    );
    const assigned = await assign(
      supervisor,
      { reviewerId: STAFF.madridReviewer.subject },
      await etagOf(supervisor, caseId),
    );
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', version: 1 });
    expect(assigned.headers.get('etag')).toBe('"1"');

    expectProblem(
      await colleague.request('POST', `/reviews/${caseId}/information-requests`, { requested: 'Informe' }),
      403,
      'NOT_ASSIGNED_TO_YOU',
    );
    expectProblem(
      await reviewer.request(
        'POST',
        `/reviews/${caseId}/resolution`,
        { outcome: 'granted', grounds: 'Acreditado.', legalBasis: 'Art. 193 LGSS.' },
        { 'if-match': '"1"' },
      ),
      409,
      'CASE_NOT_EVALUATED',
    );
    const requested = await reviewer.request<Outcome>('POST', `/reviews/${caseId}/information-requests`, {
      requested: 'Aporte el informe de la última revisión de traumatología.',
    });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('awaiting-citizen');
    const dueOn = citizenAnswerDueOn(
      { procedure: 'medical-report-submission', requestedAt: new Date() },
      DEFAULT_DEADLINE_POLICY,
      { calendar: SAMPLE_HOLIDAY_CALENDAR, provinceCode: '28' },
    );
    const asSeen = await subject.request<{ status: string; request: { dueOn: string } }>(
      'GET',
      `/reviews/${caseId}`,
    );
    expect(asSeen.body).toMatchObject({ status: 'awaiting-citizen', request: { dueOn } });
    expect(asSeen.body).not.toHaveProperty('findings');
    expectProblem(
      await reviewer.request('POST', `/reviews/${caseId}/evaluation`, { findings: 'Pendiente.' }),
      409,
      'CASE_AWAITING_INFORMATION',
    );

    expectProblem(await stranger.request('GET', `/reviews/${caseId}`), 404, 'REVIEW_NOT_FOUND');
    const pdf = pdfBytes('informe de traumatología', 2048);
    const uploaded = await subject.upload(`/reviews/${caseId}/information/documents`, {
      name: 'traumatologia.pdf',
      bytes: pdf,
      kind: 'medical-report',
    });
    expect(uploaded.status).toBe(201);
    const { document } = uploaded.body as { document: { blobHash: string; size: number } };
    expect(document).toMatchObject({
      blobHash: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
    });
    const answer = { statement: 'Adjunto el informe solicitado.', documents: [document.blobHash] };
    expectProblem(
      await subject.request('POST', `/reviews/${caseId}/information`, answer),
      403,
      'SIGNATURE_OTP_REQUIRED',
    );
    expectProblem(
      await subject.request('POST', `/reviews/${caseId}/information`, { documents: ['a'.repeat(64)] }),
      422,
      'DOCUMENT_NOT_UPLOADED',
    );
    expect((await subject.request('POST', `/reviews/${caseId}/information/signing-code`)).status).toBe(202);
    const provided = await subject.request<Outcome>('POST', `/reviews/${caseId}/information`, {
      ...answer,
      signingCode: await subject.lastSmsCode(),
    });
    expect(provided.status).toBe(201);
    expect(provided.body.status).toBe('assigned');
    expectProblem(
      await subject.request('POST', `/reviews/${caseId}/information`, answer),
      409,
      'NOT_AWAITING_INFORMATION',
    );
    const events = await collect(system.storage.eventStore.readStream(`review-${caseId}`));
    expect(events.find((e) => e.type === 'InformationProvided')!.data).toMatchObject({
      providedBy: '34567890V',
      signedWith: 'clave-permanente',
      attachments: [{ blobHash: document.blobHash, kind: 'medical-report', contentType: 'application/pdf' }],
    });

    expect(
      (await reviewer.request('POST', `/reviews/${caseId}/evaluation`, { findings: 'Lesiones acreditadas.' }))
        .status,
    ).toBe(200);
    const resolution = {
      outcome: 'granted',
      grounds: 'Se acreditan las lesiones.',
      legalBasis: 'Art. 193 LGSS.',
    };
    const resolved = await reviewer.request<Outcome>('POST', `/reviews/${caseId}/resolution`, resolution, {
      'if-match': await etagOf(reviewer, caseId),
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    expectProblem(
      await reviewer.request('POST', `/reviews/${caseId}/resolution`, resolution, {
        'if-match': resolved.headers.get('etag')!,
      }),
      409,
      'CASE_ALREADY_RESOLVED',
    );
    expectProblem(
      await subject.request('POST', `/reviews/${caseId}/withdrawal`, {}),
      409,
      'CASE_ALREADY_RESOLVED',
    );
  });

  it('lets the citizen withdraw before resolution, after which staff can no longer act', async () => {
    const caseId = await openReview('28', '12345678Z');
    const subject = await citizen('12345678Z');
    const withdrawn = await subject.request<Outcome>('POST', `/reviews/${caseId}/withdrawal`, {
      reason: 'Ya no lo necesito.',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const supervisor = await login(STAFF.madridSupervisor);
    expectProblem(
      await supervisor.request(
        'POST',
        `/reviews/${caseId}/assignment`,
        { reviewerId: STAFF.madridReviewer.subject },
        { 'if-match': '"1"' },
      ),
      409,
      'ALREADY_WITHDRAWN',
    );
  });

  it('refuses a document for an answer of a kind a review does not take, keeping neither draft nor blob', async () => {
    const caseId = await openReview('28', '12345678Z');
    const madrid = staffActor(STAFF.madridSupervisor);
    const reviewer = staffActor(STAFF.madridReviewer);
    await decide(
      caseId,
      { type: 'AssignReviewer', data: { caseId, reviewer: { id: reviewer.id, unit: 'INSS-28' } } },
      madrid,
    );
    await decide(
      caseId,
      { type: 'RequestInformation', data: { caseId, requested: 'Informe', dueOn: '2099-01-15' } },
      reviewer,
    );
    const subject = await citizen('12345678Z');
    const blobs = () => readdir(join(process.env.DATA_DIR!, 'blobs'), { recursive: true });
    const before = await blobs();
    const reply = await subject.upload(`/reviews/${caseId}/information/documents`, {
      name: 'solicitud.pdf',
      kind: 'application-form',
      bytes: pdfBytes(`answer ${randomUUID()}`),
    });
    expectProblem(reply, 422, 'ATTACHMENT_KIND_NOT_ALLOWED');
    expect(await blobs()).toEqual(before);
    expect((await subject.request('GET', `/reviews/${caseId}/information/documents`)).body).toMatchObject({
      documents: [],
    });
  });

  it('counts a unit’s work on its dashboard and pages its cases by an opaque cursor', async () => {
    const reviewer = await login(STAFF.sevilleReviewer);
    const supervisor = staffActor(STAFF.sevilleSupervisor);
    const me = staffActor(STAFF.sevilleReviewer);
    const now = Date.now();
    // Seven cases: three unassigned (one opened 40 days ago and overdue), three mine (one awaiting the citizen), one resolved.
    const old = await openReview('41', '12345678Z', {
      routedAt: new Date(now - 40 * DAY),
      openedAt: new Date(now - 40 * DAY),
    });
    const unassigned = [old, await openReview('41'), await openReview('41')];
    const mine = [await openReview('41'), await openReview('41'), await openReview('41')];
    const resolved = await openReview('41');
    for (const caseId of [...mine, resolved]) {
      await decide(
        caseId,
        { type: 'AssignReviewer', data: { caseId, reviewer: { id: me.id, unit: 'INSS-41' } } },
        supervisor,
      );
    }
    await decide(
      mine[0]!,
      { type: 'RequestInformation', data: { caseId: mine[0], requested: 'Informe', dueOn: '2027-01-29' } },
      me,
    );
    await decide(
      resolved,
      { type: 'EvaluateCase', data: { caseId: resolved, findings: 'Sin lesiones.' } },
      me,
    );
    await decide(
      resolved,
      {
        type: 'ResolveCase',
        data: { caseId: resolved, outcome: 'denied', grounds: 'No consta.', legalBasis: 'Art. 193 LGSS.' },
      },
      me,
    );

    const dashboard = await reviewer.until<Dashboard>(
      '/units/INSS-41/dashboard',
      (r) => r.body.resolvedPerWeek?.at(-1)?.resolved === 1,
      'the queue to catch up',
    );
    expect(dashboard.body.counts).toEqual({ unassigned: 3, mine: 3, awaitingCitizen: 1, overdue: 1 });
    expect(dashboard.body.ageing).toEqual({ '0-7': 5, '8-30': 0, '31-90': 1, '>90': 0 });
    expect(dashboard.body.resolvedPerWeek).toHaveLength(12);
    expect(dashboard.body.resolvedPerWeek.slice(0, 11).every((w) => w.resolved === 0)).toBe(true);
    expect(dashboard.body.resolvedPerWeek.at(-1)!.week).toMatch(/^\d{4}-W\d{2}$/);
    const supervisorView = await (
      await login(STAFF.sevilleSupervisor)
    ).request<Dashboard>('GET', '/units/INSS-41/dashboard');
    expect(supervisorView.body.counts).toMatchObject({ unassigned: 3, mine: 0 });

    const pages: Page[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Reply<Page> = await reviewer.request<Page>(
        'GET',
        `/units/INSS-41/cases?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      pages.push(page.body);
      cursor = page.body.next;
    }
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    const listed = pages.flatMap((p) => p.items);
    expect(new Set(listed.map((i) => i.caseId))).toEqual(new Set([...unassigned, ...mine, resolved]));
    expect(listed[0]!.caseId).toBe(old);
    // Soonest due first (the overdue one), cases with no running deadline last, ties by id.
    const order = listed.map((i) => `${i.dueOn ?? '9999-12-31'} ${i.caseId}`);
    expect(order).toEqual([...order].sort());

    const filtered = async (query: string) =>
      (await reviewer.request<Page>('GET', `/units/INSS-41/cases?${query}`)).body.items
        .map((i) => i.caseId)
        .sort();
    expect(await filtered('status=open')).toEqual([...unassigned].sort());
    expect(await filtered('reviewer=me&status=assigned')).toEqual(mine.slice(1).sort());
    expect(await filtered('overdue=true')).toEqual([old]);
    expectProblem(
      await reviewer.request('GET', '/units/INSS-41/cases?cursor=not-a-cursor'),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await reviewer.request('GET', '/units/INSS-41/cases?status=lost'),
      400,
      'VALIDATION_FAILED',
    );
  });

  describe('notifications', () => {
    const blobs = () => LocalDiskBlobStore.inDataDir(system.env.DATA_DIR!);
    const notify = async (addressee: string) => {
      const letter = pdfBytes(`resolución ${randomUUID()}`);
      const { hash } = await blobs().putBytes(letter);
      const notificationId = randomUUID();
      await runCommand(system.storage.eventStore, notificationDecider, `notification-${notificationId}`, {
        type: 'MakeNotificationAvailable',
        data: {
          notificationId,
          addressee,
          subject: 'Resolución de su expediente',
          caseId: randomUUID(),
          documentHash: hash,
          specialCategory: true,
        },
        metadata: { now: new Date(), actor: SYSTEM },
      });
      return { notificationId, letter };
    };

    it('refuses Cl@ve móvil on health data, then opens, serves and accepts with Cl@ve permanente and the SMS code', async () => {
      const { notificationId, letter } = await notify('23456789D');
      const movil = await citizen('23456789D', 'clave-movil');
      const permanente = await citizen('23456789D', 'clave-permanente');
      const stranger = await citizen('45678901G');

      const inbox = await permanente.until<{ items: NotificationView[] }>(
        '/me/notifications',
        (r) => r.body.items?.some((n) => n.notificationId === notificationId),
        'the inbox',
      );
      expect(inbox.body.items.find((n) => n.notificationId === notificationId)!.status).toBe('available');
      expectProblem(
        await stranger.request('GET', `/notifications/${notificationId}`),
        404,
        'NOTIFICATION_NOT_FOUND',
      );
      expectProblem(
        await stranger.request('POST', `/notifications/${notificationId}/access`),
        404,
        'NOTIFICATION_NOT_FOUND',
      );
      expectProblem(
        await movil.request('POST', `/notifications/${notificationId}/access`),
        403,
        'LEVEL_OF_ASSURANCE_TOO_LOW',
      );
      expectProblem(
        await permanente.request('GET', `/notifications/${notificationId}/document`),
        409,
        'NOTIFICATION_NOT_ACCESSED',
      );
      expectProblem(
        await permanente.request('POST', `/notifications/${notificationId}/acceptance`, {}),
        409,
        'NOTIFICATION_NOT_ACCESSED',
      );

      const accessed = await permanente.request<NotificationView>(
        'POST',
        `/notifications/${notificationId}/access`,
      );
      expect(accessed.status).toBe(200);
      expect(accessed.body.status).toBe('accessed');
      const document = await permanente.request<Buffer>('GET', `/notifications/${notificationId}/document`);
      expect(document.status).toBe(200);
      expect(document.headers.get('content-type')).toContain('application/pdf');
      expect(Buffer.compare(document.body, letter)).toBe(0);

      expectProblem(
        await permanente.request('POST', `/notifications/${notificationId}/acceptance`, {}),
        403,
        'SIGNATURE_OTP_REQUIRED',
      );
      expect((await permanente.request('POST', `/notifications/${notificationId}/signing-code`)).status).toBe(
        202,
      );
      const accepted = await permanente.request<NotificationView>(
        'POST',
        `/notifications/${notificationId}/acceptance`,
        {
          signingCode: await permanente.lastSmsCode(),
        },
      );
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('accepted');
      expectProblem(
        await permanente.request('POST', `/notifications/${notificationId}/rejection`, {}),
        409,
        'NOTIFICATION_ALREADY_ANSWERED',
      );
      const events = await collect(system.storage.eventStore.readStream(`notification-${notificationId}`));
      expect(events.map((e) => e.type)).toEqual([
        'NotificationMadeAvailable',
        'NotificationAccessed',
        'NotificationAccepted',
      ]);
      expect(events[2]!.data).toMatchObject({ actedBy: '23456789D', levelOfAssurance: 'clave-permanente' });
      await permanente.until<{ items: NotificationView[] }>(
        '/me/notifications',
        (r) => r.body.items?.find((n) => n.notificationId === notificationId)?.status === 'accepted',
        'the inbox to show the acceptance',
      );
    });

    it('records a rejection, with its reason, by a certificate holder who signs directly', async () => {
      const { notificationId } = await notify('45678901G');
      const addressee = await citizen('45678901G');
      expect((await addressee.request('POST', `/notifications/${notificationId}/access`)).status).toBe(200);
      expectProblem(
        await addressee.request('POST', `/notifications/${notificationId}/signing-code`),
        409,
        'SIGNING_CODE_NOT_NEEDED',
      );
      const rejected = await addressee.request<NotificationView>(
        'POST',
        `/notifications/${notificationId}/rejection`,
        {
          reason: 'No estoy conforme con la resolución.',
        },
      );
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
      const events = await collect(system.storage.eventStore.readStream(`notification-${notificationId}`));
      expect(events.at(-1)).toMatchObject({
        type: 'NotificationRejected',
        data: { actedBy: '45678901G', reason: 'No estoy conforme con la resolución.' },
      });
    });
  });
});
