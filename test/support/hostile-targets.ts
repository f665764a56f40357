import { randomUUID } from 'node:crypto';
import {
  caseReviewDecider,
  notificationDecider,
  type Actor,
  type CaseReviewCommand,
} from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { LocalDiskBlobStore } from '@expediente/infra/blobs/blob-store.local';
import { ApiClient, Login, pdfBytes } from './client';
import type { RunningSystem } from './system';

/** Per endpoint; with ~25 endpoints this keeps the file near a minute on a shared machine. */
export const RUNS = 100;
const SYSTEM: Actor = { id: 'system:worker', roles: [], levelOfAssurance: 'certificate' };
const SUPERVISOR = {
  subject: '50123456Q',
  name: 'Elena Ruiz Navarro',
  roles: ['supervisor'],
  unit: 'INSS-28',
};
const REVIEWER = { subject: '50234567Z', name: 'Pablo Moreno Díaz', roles: ['reviewer'], unit: 'INSS-28' };
const CITIZEN = '12345678Z';

export interface Target {
  readonly path: string;
  readonly headers?: Record<string, string>;
}
export interface CommandEndpoint {
  readonly name: string;
  readonly as: () => ApiClient | undefined;
  readonly valid: Record<string, unknown>;
  readonly prepare: () => Promise<Target>;
}
export interface QueryEndpoint {
  readonly name: string;
  readonly as: () => ApiClient | undefined;
  readonly path: string;
  readonly valid: Record<string, string>;
}

/**
 * Every JSON command endpoint and query of the API, each with a valid request and, where the
 * command needs one, a target in the state that accepts it (a fresh draft, a review assigned,
 * a notification opened), so hostile values get as far as they can: to the event store.
 */
export function hostileTargets() {
  let system!: RunningSystem;
  const clients: Record<string, ApiClient> = {};
  let medicalDraft = '';
  let entitlementDraft = '';
  let letterHash = '';

  const login = async (key: string, who: Omit<Login, 'levelOfAssurance'> & { roles?: string[] }) => {
    clients[key] = await ApiClient.login(system.api, { levelOfAssurance: 'certificate', ...who });
  };
  const open = async (running: RunningSystem) => {
    system = running;
    await login('citizen', { subject: CITIZEN, name: 'Lucía Martín Gil', mobile: '+34600111222' });
    await login('operator', { subject: '11111111H', name: 'Operadora', roles: ['operator'] });
    await login('supervisor', SUPERVISOR);
    await login('reviewer', REVIEWER);
    await login('auditor', { subject: '60345678A', name: 'Auditora', roles: ['auditor'] });
    medicalDraft = await draft('medical-reports');
    entitlementDraft = await draft('entitlement-applications');
    letterHash = (await LocalDiskBlobStore.inDataDir(process.env.DATA_DIR!).putBytes(pdfBytes('resolución')))
      .hash;
  };

  const citizen = () => clients.citizen;
  const BODIES = {
    medical: { subject: CITIZEN, benefitRequestRef: 'IT-2026-000123', provinceCode: '28' },
    entitlement: {
      subject: CITIZEN,
      provinceCode: '28',
      beneficiaries: [{ identityNumber: '23456789D', name: 'Ana Pérez', birthDate: '2020-01-01' }],
      remarks: 'Solicito la asistencia sanitaria.',
      paperOptOut: false,
    },
  };
  async function draft(procedure: string): Promise<string> {
    const body = procedure === 'medical-reports' ? BODIES.medical : BODIES.entitlement;
    const created = await citizen()!.request<{ caseId: string }>('POST', `/filings/${procedure}`, body);
    return `/filings/${procedure}/${created.body.caseId}`;
  }
  const review = async (steps: ('assign' | 'request' | 'evaluate')[], subject = '34567890V') => {
    const caseId = randomUUID();
    const decide = (actor: Actor, type: string, data: Record<string, unknown>) =>
      runCommand(system.storage.eventStore, caseReviewDecider, `review-${caseId}`, {
        type,
        data: { caseId, ...data },
        metadata: { now: new Date(), actor },
      } as CaseReviewCommand);
    const unit = { kind: 'INSS', id: 'INSS-28', name: 'INSS Madrid' };
    const open = {
      procedure: 'medical-report-submission',
      provinceCode: '28',
      unit,
      subject,
      filer: subject,
    };
    await decide(SYSTEM, 'OpenReview', { ...open, routedAt: new Date().toISOString() });
    const staff: Actor = {
      id: REVIEWER.subject,
      roles: ['reviewer'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    };
    if (steps.includes('assign'))
      await decide(staff, 'AssignReviewer', { reviewer: { id: staff.id, unit: 'INSS-28' } });
    if (steps.includes('request'))
      await decide(staff, 'RequestInformation', { requested: 'Informe', dueOn: '2099-01-15' });
    if (steps.includes('evaluate')) await decide(staff, 'EvaluateCase', { findings: 'Hallazgos' });
    return `/reviews/${caseId}`;
  };
  const notification = async () => {
    const notificationId = randomUUID();
    await runCommand(system.storage.eventStore, notificationDecider, `notification-${notificationId}`, {
      type: 'MakeNotificationAvailable',
      data: {
        notificationId,
        addressee: CITIZEN,
        subject: 'Resolución de su expediente',
        caseId: randomUUID(),
        documentHash: letterHash,
        specialCategory: true,
      },
      metadata: { now: new Date(), actor: SYSTEM },
    });
    await citizen()!.request('POST', `/notifications/${notificationId}/access`);
    return `/notifications/${notificationId}`;
  };
  const etag = async (path: string) =>
    (await clients.supervisor!.request('GET', path)).headers.get('etag') ?? '"0"';
  const grant = {
    proxy: '23456789D',
    procedures: ['notifications'],
    validFrom: '2026-01-01',
    validUntil: '2027-01-01',
  };

  const { subject: _subject, ...entitlementUpdate } = BODIES.entitlement;
  const commands: CommandEndpoint[] = [
    {
      name: 'POST /dev/login',
      as: () => undefined,
      valid: {
        subject: CITIZEN,
        name: 'Ana',
        roles: ['citizen'],
        levelOfAssurance: 'certificate',
        unit: 'INSS-28',
        mobile: '+34600111222',
      },
      prepare: async () => ({ path: '/dev/login' }),
    },
    {
      name: 'POST /admin/benefit-records',
      as: () => clients.operator,
      valid: {
        records: [
          {
            subject: CITIZEN,
            benefitRequestRef: 'IT-2026-000999',
            provinceCode: '28',
            benefit: 'Incapacidad temporal',
            active: true,
          },
        ],
      },
      prepare: async () => ({ path: '/admin/benefit-records' }),
    },
    {
      name: 'POST /filings/medical-reports',
      as: citizen,
      valid: BODIES.medical,
      prepare: async () => ({ path: '/filings/medical-reports' }),
    },
    {
      name: 'PATCH /filings/medical-reports/{id}',
      as: citizen,
      valid: { benefitRequestRef: 'IT-2026-000123', provinceCode: '28' },
      prepare: async () => ({ path: medicalDraft }),
    },
    {
      name: 'POST /filings/entitlement-applications',
      as: citizen,
      valid: BODIES.entitlement,
      prepare: async () => ({ path: '/filings/entitlement-applications' }),
    },
    {
      name: 'PATCH /filings/entitlement-applications/{id}',
      as: citizen,
      valid: entitlementUpdate,
      prepare: async () => ({ path: entitlementDraft }),
    },
    {
      name: 'POST /filings/{p}/{id}/submission',
      as: citizen,
      valid: { signingCode: '123456' },
      prepare: async () => ({
        path: `${medicalDraft}/submission`,
        headers: { 'idempotency-key': `key-${randomUUID()}` },
      }),
    },
    {
      name: 'POST /filings/{p}/{id}/withdrawal',
      as: citizen,
      valid: { reason: 'Ya no lo necesito.' },
      prepare: async () => ({ path: `${await draft('medical-reports')}/withdrawal` }),
    },
    {
      name: 'POST /reviews/{id}/assignment',
      as: () => clients.supervisor,
      valid: { reviewerId: REVIEWER.subject, reason: 'Reparto semanal' },
      prepare: async () => ({ path: `${await review([])}/assignment`, headers: { 'if-match': '"0"' } }),
    },
    {
      name: 'POST /reviews/{id}/information-requests',
      as: () => clients.reviewer,
      valid: { requested: 'Informe de neurología' },
      prepare: async () => ({ path: `${await review(['assign'])}/information-requests` }),
    },
    {
      name: 'POST /reviews/{id}/evaluation',
      as: () => clients.reviewer,
      valid: { findings: 'Limitación funcional' },
      prepare: async () => ({ path: `${await review(['assign'])}/evaluation` }),
    },
    {
      name: 'POST /reviews/{id}/resolution',
      as: () => clients.reviewer,
      valid: { outcome: 'granted', grounds: 'Acreditado', legalBasis: 'Art. 169 LGSS' },
      prepare: async () => {
        const path = await review(['assign', 'evaluate']);
        return { path: `${path}/resolution`, headers: { 'if-match': await etag(path) } };
      },
    },
    {
      name: 'POST /reviews/{id}/information',
      as: citizen,
      valid: { statement: 'Adjunto el informe.', documents: [] },
      prepare: async () => ({ path: `${await review(['assign', 'request'], CITIZEN)}/information` }),
    },
    {
      name: 'POST /reviews/{id}/withdrawal',
      as: citizen,
      valid: { reason: 'Desisto.' },
      prepare: async () => ({ path: `${await review([], CITIZEN)}/withdrawal` }),
    },
    {
      name: 'POST /notifications/{id}/acceptance',
      as: citizen,
      valid: { signingCode: '123456' },
      prepare: async () => ({ path: `${await notification()}/acceptance` }),
    },
    {
      name: 'POST /notifications/{id}/rejection',
      as: citizen,
      valid: { signingCode: '123456', reason: 'No estoy de acuerdo.' },
      prepare: async () => ({ path: `${await notification()}/rejection` }),
    },
    { name: 'POST /powers', as: citizen, valid: grant, prepare: async () => ({ path: '/powers' }) },
    {
      name: 'POST /powers/{id}/revocation',
      as: citizen,
      valid: { reason: 'Ya no me representa.' },
      prepare: async () => {
        const granted = await citizen()!.request<{ powerId: string }>('POST', '/powers', grant);
        return { path: `/powers/${granted.body.powerId}/revocation` };
      },
    },
    // Last: a valid advance moves the clock for everything after it.
    {
      name: 'POST /dev/clock/advance',
      as: () => undefined,
      valid: { days: 0, hours: 0 },
      prepare: async () => ({ path: '/dev/clock/advance' }),
    },
  ];
  const queries: QueryEndpoint[] = [
    {
      name: 'GET /units/{unit}/cases',
      as: () => clients.reviewer,
      path: '/units/INSS-28/cases',
      valid: {
        status: 'open',
        procedure: 'medical-report-submission',
        province: '28',
        reviewer: 'me',
        overdue: 'false',
        limit: '20',
        cursor: Buffer.from(`2026-01-01T00:00:00.000Z ${randomUUID()}`).toString('base64url'),
      },
    },
    {
      name: 'GET /me/notifications',
      as: citizen,
      path: '/me/notifications',
      valid: {
        limit: '20',
        before: Buffer.from(`2026-01-01T00:00:00.000Z ${randomUUID()}`).toString('base64url'),
      },
    },
    {
      name: 'GET /me/cases',
      as: citizen,
      path: '/me/cases',
      valid: {
        limit: '20',
        before: Buffer.from(`2026-01-01T00:00:00.000Z ${randomUUID()}`).toString('base64url'),
      },
    },
    {
      name: 'GET /audit/document-reads',
      as: () => clients.auditor,
      path: '/audit/document-reads',
      valid: {
        caseId: randomUUID(),
        actor: REVIEWER.subject,
        from: '2026-01-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        limit: '20',
        cursor: Buffer.from(`2026-01-01T00:00:00.000Z ${randomUUID()}`).toString('base64url'),
      },
    },
    { name: 'GET /dev/sms', as: () => undefined, path: '/dev/sms', valid: { to: '+34600111222' } },
    {
      name: 'GET /audit/activity',
      as: () => clients.auditor,
      path: '/audit/activity',
      valid: {
        actor: REVIEWER.subject,
        caseId: randomUUID(),
        type: 'CaseResolved',
        from: '2026-01-01T00:00:00Z',
        to: '2026-12-31T00:00:00Z',
        limit: '20',
        cursor: Buffer.from('2026-01-01T00:00:00.000Z 1048577').toString('base64url'),
      },
    },
    {
      name: 'GET /audit/cases/{id}/diff',
      as: () => clients.auditor,
      path: `/audit/cases/${randomUUID()}/diff`,
      valid: { from: '1048577', to: '2026-12-31T00:00:00Z' },
    },
    {
      name: 'GET /audit/cases/{id}/state',
      as: () => clients.auditor,
      path: `/audit/cases/${randomUUID()}/state`,
      valid: { at: '2026-12-31T00:00:00+01:00' },
    },
  ];

  return { open, clients, citizen, draft, commands, queries };
}
