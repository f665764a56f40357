import { createHash, randomUUID } from 'node:crypto';
import { notificationDecider, type Actor, type LevelOfAssurance } from '@expediente/domain';
import { LocalDiskBlobStore } from '@expediente/infra/blobs/blob-store.local';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { decideReview, eventsOf, fileMadridCase, reviewer, supervisor } from '../support/cases';
import { ApiClient, pdfBytes, type Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Person = 'addressee' | 'proxy';
type Category = 'special' | 'ordinary';
type Act = 'open' | 'read document';
type Inbox = { items: { notificationId: string; caseId: string }[] };

const LEVELS: readonly LevelOfAssurance[] = ['certificate', 'clave-permanente', 'clave-movil'];
const PEOPLE = {
  addressee: { subject: '34567890V', name: 'Lucía Martín Gil', mobile: '+34600000031' },
  proxy: { subject: '87654321X', name: 'Gestor Apoderado', mobile: '+34600000032' },
} as const;
const SYSTEM: Actor = { id: 'system:worker', roles: [], levelOfAssurance: 'certificate' };

/**
 * The rule, cell by cell: the addressee opens and reads with any high level, and with Cl@ve
 * móvil only what is not special-category; a proxy only with a certificate. The same answer
 * for opening and for reading the document, whatever the person did with another session.
 */
const expected = (
  person: Person,
  level: LevelOfAssurance,
  category: Category,
): { status: number; code: string; required?: string[] } => {
  const refused = (required: string[]) => ({ status: 403, code: 'LEVEL_OF_ASSURANCE_TOO_LOW', required });
  if (person === 'proxy' && level !== 'certificate') return refused(['certificate']);
  if (category === 'special' && level === 'clave-movil') return refused(['certificate', 'clave-permanente']);
  return { status: 200, code: 'served' };
};

const cells = (['open', 'read document'] as const).flatMap((act: Act) =>
  (['addressee', 'proxy'] as const).flatMap((person) =>
    LEVELS.flatMap((level) =>
      (['special', 'ordinary'] as const).map((category) => ({
        act,
        person,
        level,
        category,
        ...expected(person, level, category),
      })),
    ),
  ),
);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Every read of personal data checks the session reading now: a Cl@ve móvil session (or a
 * proxy's Cl@ve permanente one) used to download a health resolution because the same person
 * had opened it once with a certificate. Over HTTP, with the worker issuing the resolution.
 */
describe('assurance on every read of personal data', () => {
  let system: RunningSystem;
  let caseId: string;
  let draftId: string;
  let powerId: string;
  const notifications = {} as Record<Category, { id: string; documentHash: string }>;
  const sessions = {} as Record<Person, Record<LevelOfAssurance, ApiClient>>;

  beforeAll(async () => {
    system = await startSystem();
    for (const person of ['addressee', 'proxy'] as const) {
      const clients = await Promise.all(
        LEVELS.map((levelOfAssurance) =>
          ApiClient.login(system.api, { ...PEOPLE[person], levelOfAssurance }),
        ),
      );
      sessions[person] = Object.fromEntries(LEVELS.map((level, i) => [level, clients[i]!])) as Record<
        LevelOfAssurance,
        ApiClient
      >;
    }
    const { addressee, proxy } = {
      addressee: sessions.addressee.certificate,
      proxy: sessions.proxy.certificate,
    };
    const granted = await addressee.request<{ powerId: string }>('POST', '/powers', {
      proxy: PEOPLE.proxy.subject,
      procedures: ['notifications', 'medical-report-submission'],
      validFrom: '2026-01-01',
      validUntil: '2027-12-31',
    });
    powerId = granted.body.powerId;
    expect((await proxy.request('POST', `/powers/${powerId}/acceptance`)).status).toBe(201);

    caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, reviewer, 'EvaluateCase', {
      findings: 'Los informes acreditan la situación.',
    });
    await decideReview(system, caseId, reviewer, 'ResolveCase', {
      outcome: 'granted',
      grounds: 'Se acredita la situación clínica.',
      legalBasis: 'Art. 193 LGSS.',
    });
    const inbox = await addressee.until<Inbox>(
      '/me/notifications',
      (r) => r.body.items?.some((n) => n.caseId === caseId),
      'the resolution notification',
    );
    const special = inbox.body.items.find((n) => n.caseId === caseId)!.notificationId;
    const view = await addressee.request<{ specialCategory: boolean }>('GET', `/notifications/${special}`);
    expect(view.body.specialCategory).toBe(true);
    const issued = (await eventsOf(system, `review-${caseId}`)).find((e) => e.type === 'ResolutionIssued')!;
    notifications.special = {
      id: special,
      documentHash: (issued.data as { documentHash: string }).documentHash,
    };
    await addressee.until<{ receipt?: { status: string } }>(
      `/cases/${caseId}`,
      (r) => r.body.receipt?.status === 'ready',
      'the receipt',
    );

    // The worker notifies only resolutions (health data); an ordinary one is issued as the system would.
    const letter = await LocalDiskBlobStore.inDataDir(system.env.DATA_DIR!).putBytes(pdfBytes('aviso'));
    const ordinary = randomUUID();
    await runCommand(system.storage.eventStore, notificationDecider, `notification-${ordinary}`, {
      type: 'MakeNotificationAvailable',
      data: {
        notificationId: ordinary,
        addressee: PEOPLE.addressee.subject,
        subject: 'Comunicación de inicio del procedimiento',
        documentHash: letter.hash,
        specialCategory: false,
      },
      metadata: { now: new Date(), actor: SYSTEM },
    });
    notifications.ordinary = { id: ordinary, documentHash: letter.hash };

    // The proxy files for the addressee with a certificate, under the power: a draft with a health report.
    const draft = await proxy.request<{ caseId: string }>('POST', '/filings/medical-reports', {
      subject: PEOPLE.addressee.subject,
      benefitRequestRef: 'IT-2026-007001',
      provinceCode: '28',
    });
    draftId = draft.body.caseId;
    const uploaded = await proxy.upload(`/filings/medical-reports/${draftId}/attachments`, {
      name: 'informe-cardiologia.pdf',
      bytes: pdfBytes('cardiología'),
      kind: 'medical-report',
    });
    expect(uploaded.status).toBe(201);
  });
  afterAll(() => system?.stop());

  describe.each(['open', 'read document'] as const)('%s', (act) => {
    it.each(cells.filter((cell) => cell.act === act))(
      '$person · $level · $category → $status $code',
      async ({ person, level, category, status, code, required }) => {
        const { id } = notifications[category];
        const reply: Reply<Buffer | Record<string, unknown>> =
          act === 'open'
            ? await sessions[person][level].request('POST', `/notifications/${id}/access`)
            : await sessions[person][level].request('GET', `/notifications/${id}/document`);
        expect(reply.status).toBe(status);
        if (status === 403) {
          expect(reply.headers.get('content-type')).toContain('application/problem+json');
          expect(reply.body).toMatchObject({ code, facts: { required } });
        } else if (act === 'read document') {
          expect(reply.headers.get('content-type')).toContain('application/pdf');
          expect(sha256(reply.body as Buffer)).toBe(notifications[category].documentHash);
        }
      },
    );
  });

  it('counts 14 cells allowed and 10 refused in the matrix', () => {
    expect(cells).toHaveLength(24);
    expect(cells.filter((cell) => cell.status === 200)).toHaveLength(14);
  });

  it('serves the proof of receipt and the case to a proxy only with a high level, and to the subject with any', async () => {
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/timeline`, `/cases/${caseId}/receipt`]) {
      for (const level of ['certificate', 'clave-permanente'] as const) {
        expect([path, level, (await sessions.proxy[level].request('GET', path)).status]).toEqual([
          path,
          level,
          200,
        ]);
      }
      const movil = await sessions.proxy['clave-movil'].request('GET', path);
      expect([path, movil.status, movil.body]).toMatchObject([
        path,
        403,
        { code: 'LEVEL_OF_ASSURANCE_TOO_LOW' },
      ]);
      expect((await sessions.addressee['clave-movil'].request('GET', path)).status).toBe(200);
    }
  });

  it('refuses the attachments of a filing to the Cl@ve móvil session of the proxy who filed it', async () => {
    const path = `/filings/medical-reports/${draftId}`;
    const withCertificate = await sessions.proxy.certificate.request<{ attachments: unknown[] }>('GET', path);
    expect(withCertificate.status).toBe(200);
    expect(withCertificate.body.attachments).toHaveLength(1);
    const movil = await sessions.proxy['clave-movil'].request('GET', path);
    expect(movil.status).toBe(403);
    expect(movil.body).toMatchObject({ code: 'LEVEL_OF_ASSURANCE_TOO_LOW' });
  });

  it('hides everything from the proxy the moment the power is revoked, though they opened it before', async () => {
    const revoked = await sessions.addressee.certificate.request('POST', `/powers/${powerId}/revocation`, {
      reason: 'Ya no me representa.',
    });
    expect(revoked.status).toBe(201);
    const proxy = sessions.proxy.certificate;
    for (const { id } of Object.values(notifications)) {
      for (const [method, path] of [
        ['GET', `/notifications/${id}/document`],
        ['POST', `/notifications/${id}/access`],
        ['GET', `/notifications/${id}`],
      ] as const) {
        const reply = await proxy.request(method, path);
        expect([path, reply.status, reply.body]).toMatchObject([
          path,
          404,
          { code: 'NOTIFICATION_NOT_FOUND' },
        ]);
      }
    }
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/timeline`, `/cases/${caseId}/receipt`]) {
      const reply = await proxy.request('GET', path);
      expect([path, reply.status, reply.body]).toMatchObject([path, 404, { code: 'CASE_NOT_FOUND' }]);
    }
    const inbox = await proxy.request<Inbox>('GET', '/me/notifications');
    expect(inbox.body.items.map((n) => n.notificationId)).not.toContain(notifications.special.id);
    expect((await sessions.addressee.certificate.request('GET', `/cases/${caseId}/receipt`)).status).toBe(
      200,
    );
  });
});
