/** Test data for the case-review specs; nothing outside *.unit.spec.ts imports it. */
import { PEOPLE, blobHash, metadataFor } from '../shared/fixtures.testing';
import type { CommandMetadata, LevelOfAssurance, Role } from '../shared/command-metadata';
import type { CaseReviewCommand } from './case-review.commands';
import type {
  CaseReviewEvent,
  ProvidedAttachment,
  ResolutionIssued,
  ReviewOpened,
  ReviewStep,
} from './case-review.events';

export const caseId = 'case-1';
export const now = '2026-11-23T10:00:00.000Z';
export const MADRID_UNIT = {
  kind: 'INSS',
  id: 'INSS-28',
  name: 'Dirección Provincial del INSS de Madrid',
} as const;

/** Citizens: Ana files for Bruno (with a power), Carmen has nothing to do with the case. */
export const { ana: filer, bruno: subject, carmen: stranger } = PEOPLE;
/** Staff of the Madrid INSS unit, and one of ICAM. */
export const STAFF = {
  supervisor: '11111111H',
  rosa: '22222222J',
  luis: '33333333P',
  icam: '44444444A',
} as const;

export const staff = (
  id: string,
  roles: readonly Role[] = ['reviewer'],
  options: { unit?: string | undefined; now?: string } = {},
): CommandMetadata => ({
  now: new Date(options.now ?? now),
  actor: {
    id,
    roles,
    levelOfAssurance: 'certificate',
    ...('unit' in options ? { unit: options.unit } : { unit: 'INSS-28' }),
  },
});
export const supervisor = (options: { unit?: string; now?: string } = {}) =>
  staff(STAFF.supervisor, ['supervisor'], options);
export const citizen = (id: string, levelOfAssurance: LevelOfAssurance = 'certificate', at = now) =>
  metadataFor(id, { now: at, levelOfAssurance });
export const system = (at = now) => staff('SYSTEM', [], { now: at });

export const command = <C extends CaseReviewCommand>(
  type: C['type'],
  data: Omit<C['data'], 'caseId'>,
  metadata: CommandMetadata,
): C => ({ type, data: { caseId, ...data }, metadata }) as C;

export const document = (seed: number, size = 1000): ProvidedAttachment => ({
  blobHash: blobHash(seed),
  filename: `informe-${seed}.pdf`,
  contentType: 'application/pdf',
  size,
  kind: 'medical-report',
});

export const opened: ReviewOpened = {
  type: 'ReviewOpened',
  data: {
    caseId,
    procedure: 'medical-report-submission',
    provinceCode: '28',
    unit: MADRID_UNIT,
    subject,
    filer,
    routedAt: now,
    openedAt: now,
  },
};

export const assigned = (
  reviewerId: string = STAFF.rosa,
  previousReviewerId: string | null = null,
  reason?: string,
): CaseReviewEvent => ({
  type: 'ReviewerAssigned',
  data: {
    caseId,
    reviewerId,
    previousReviewerId,
    assignedBy: STAFF.supervisor,
    assignedAt: now,
    ...(reason ? { reason } : {}),
  },
});

export const requested = (dueOn = '2026-12-09'): CaseReviewEvent => ({
  type: 'InformationRequested',
  data: {
    caseId,
    requestedBy: STAFF.rosa,
    requested: 'Informe de neurología actualizado',
    dueOn,
    requestedAt: now,
  },
});

export const provided: CaseReviewEvent = {
  type: 'InformationProvided',
  data: { caseId, providedBy: filer, attachments: [document(1)], signedWith: 'certificate', providedAt: now },
};

export const evaluated: CaseReviewEvent = {
  type: 'CaseEvaluated',
  data: { caseId, evaluatedBy: STAFF.rosa, findings: 'Limitación funcional moderada', evaluatedAt: now },
};

export const resolved: CaseReviewEvent = {
  type: 'CaseResolved',
  data: {
    caseId,
    resolvedBy: STAFF.rosa,
    outcome: 'partially-granted',
    grounds: 'Se reconoce la incapacidad permanente parcial',
    legalBasis: 'Art. 194 LGSS',
    resolvedAt: now,
  },
};

export const issued: ResolutionIssued = {
  type: 'ResolutionIssued',
  data: {
    caseId,
    documentHash: blobHash(77),
    signatureHash: blobHash(78),
    csv: 'ABCDEFGHJKLMNPQR',
    issuedAt: now,
    paperCopy: true,
  },
};

export const expired = (step: ReviewStep, dueOn: string, recordedAt = now): CaseReviewEvent => ({
  type: 'DeadlineExpired',
  data: { caseId, step, dueOn, recordedAt },
});
