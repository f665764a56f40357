import { PEOPLE, blobHash, metadataFor } from '../shared/fixtures.testing';
import { spec } from '../shared/given-when-then.testing';
import type { LevelOfAssurance } from '../shared/command-metadata';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import { ICAM } from '../reference/provinces';
import type { MedicalReportSubmissionCommand, SubmitReports } from './medical-report-submission.commands';
import { medicalReportSubmissionDecider } from './medical-report-submission.decider';
import type {
  MedicalReportSubmissionEvent,
  ReportAttachment,
  ReportDraftCreated,
  ReportsSubmitted,
} from './medical-report-submission.events';

const { ana, bruno, carmen } = PEOPLE;
const caseId = 'case-1';
const now = '2026-11-23T10:00:00.000Z';
const given = spec(medicalReportSubmissionDecider).given;
const madrid = { kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' } as const;

const report: ReportAttachment = {
  blobHash: blobHash(1),
  filename: 'informe.pdf',
  contentType: 'application/pdf',
  size: 2_000_000,
  kind: 'medical-report',
};
const representationForm: ReportAttachment = {
  ...report,
  blobHash: blobHash(2),
  filename: 'representacion.pdf',
  kind: 'representation',
};

const created = (subject: string = ana, provinceCode = '28'): ReportDraftCreated => ({
  type: 'ReportDraftCreated',
  data: { caseId, filer: ana, subject, benefitRequestRef: 'IP-2026-0042', provinceCode, createdAt: now },
});
const attached = (attachment: ReportAttachment = report): MedicalReportSubmissionEvent => ({
  type: 'ReportDocumentAttached',
  data: { caseId, attachment, attachedAt: now },
});

const command = <C extends MedicalReportSubmissionCommand>(
  type: C['type'],
  data: C['data'],
  actor: string = ana,
  levelOfAssurance: LevelOfAssurance = 'certificate',
): C => ({ type, data, metadata: metadataFor(actor, { now, levelOfAssurance }) }) as C;

const submit = (
  overrides: Partial<SubmitReports['data']> = {},
  levelOfAssurance: LevelOfAssurance = 'certificate',
  actor: string = ana,
) =>
  command<SubmitReports>(
    'SubmitReports',
    {
      caseId,
      otpVerified: false,
      registryEntry: { number: '2026/000123', registeredAt: new Date(now) },
      receiptCsv: 'CSV-ABC123',
      powersOfAttorney: [],
      activeBenefitRecord: true,
      ...overrides,
    },
    actor,
    levelOfAssurance,
  );

const submitted = (overrides: Partial<ReportsSubmitted['data']> = {}): MedicalReportSubmissionEvent[] => {
  const unit = overrides.unit ?? madrid;
  return [
    {
      type: 'ReportsSubmitted',
      data: {
        caseId,
        filer: ana,
        subject: ana,
        benefitRequestRef: 'IP-2026-0042',
        provinceCode: '28',
        attachments: [report],
        registryEntry: { number: '2026/000123', registeredAt: now },
        receiptCsv: 'CSV-ABC123',
        signedWith: 'certificate',
        representation: { kind: 'own-name' },
        unit,
        submittedAt: now,
        ...overrides,
      },
    },
    {
      type: 'CaseRoutedToUnit',
      data: {
        caseId,
        procedure: 'medical-report-submission',
        provinceCode: overrides.provinceCode ?? '28',
        unit,
        routedAt: now,
      },
    },
  ];
};

const powerFromBrunoToAna = (procedures: readonly Procedure[]): PowerOfAttorney => ({
  status: 'accepted',
  terms: {
    powerId: 'power-1',
    principal: bruno,
    proxy: ana,
    procedures,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    grantedAt: '2025-12-15T09:00:00.000Z',
  },
  acceptedAt: '2025-12-16T09:00:00.000Z',
});

describe('medical report submission: drafting', () => {
  const create = (data: Partial<{ subject: string; benefitRequestRef: string; provinceCode: string }> = {}) =>
    command('CreateReportDraft', {
      caseId,
      subject: ana,
      benefitRequestRef: ' IP-2026-0042 ',
      provinceCode: '28',
      ...data,
    });

  it('creates a draft filed by the acting person', () => given([]).when(create()).then([created()]));

  it('refuses an unknown province', () =>
    given([])
      .when(create({ provinceCode: '99' }))
      .thenThrows('UNKNOWN_PROVINCE'));

  it('refuses a draft without the NOTES reference of the benefit request', () =>
    given([])
      .when(create({ benefitRequestRef: '  ' }))
      .thenThrows('BENEFIT_REQUEST_REF_REQUIRED'));

  it('refuses a subject without a valid DNI/NIE', () =>
    given([])
      .when(create({ subject: '00000000A' }))
      .thenThrows('INVALID_IDENTITY_NUMBER'));

  it('refuses Cl@ve móvil starting a filing for someone else', () =>
    given([])
      .when({
        ...create({ subject: bruno }),
        metadata: metadataFor(ana, { now, levelOfAssurance: 'clave-movil' }),
      })
      .thenThrows('LEVEL_OF_ASSURANCE_TOO_LOW'));

  it('refuses a case id already in use', () =>
    given([created()]).when(create()).thenThrows('CASE_ALREADY_EXISTS', { kind: 'conflict' }));

  it('updates the draft, keeping omitted fields', () =>
    given([created()])
      .when(command('UpdateReportDraft', { caseId, provinceCode: '08' }))
      .then([
        {
          type: 'ReportDraftUpdated',
          data: { caseId, benefitRequestRef: 'IP-2026-0042', provinceCode: '08', updatedAt: now },
        },
      ]));

  it('refuses changes by anyone but the filer', () =>
    given([created()])
      .when(command('UpdateReportDraft', { caseId, provinceCode: '08' }, bruno))
      .thenThrows('NOT_THE_FILER', { kind: 'forbidden' }));

  it('refuses updating a draft that does not exist', () =>
    given([])
      .when(command('UpdateReportDraft', { caseId }))
      .thenThrows('CASE_NOT_FOUND', { kind: 'not-found' }));

  it('refuses updates after submission', () =>
    given([created(), attached(), ...submitted()])
      .when(command('UpdateReportDraft', { caseId, provinceCode: '08' }))
      .thenThrows('ALREADY_SUBMITTED', { kind: 'illegal-state', facts: { registryNumber: '2026/000123' } }));

  it('attaches a document', () =>
    given([created()])
      .when(command('AttachReportDocument', { caseId, attachment: report }))
      .then([attached()]));

  it('refuses the same document twice', () =>
    given([created(), attached()])
      .when(command('AttachReportDocument', { caseId, attachment: report }))
      .thenThrows('ATTACHMENT_ALREADY_ATTACHED'));

  it('refuses a document that would take the total over 10 MB', () =>
    given([created(), attached()])
      .when(
        command('AttachReportDocument', {
          caseId,
          attachment: { ...report, blobHash: blobHash(3), size: 10 * 1024 * 1024 - 2_000_000 + 1 },
        }),
      )
      .thenThrows('ATTACHMENTS_TOO_LARGE', {
        facts: { total: 10 * 1024 * 1024 + 1, limit: 10 * 1024 * 1024 },
      }));

  it('refuses a document kind this procedure does not take', () =>
    given([created()])
      .when(
        command('AttachReportDocument', {
          caseId,
          attachment: { ...report, kind: 'application-form' as ReportAttachment['kind'] },
        }),
      )
      .thenThrows('ATTACHMENT_KIND_NOT_ALLOWED'));

  it('removes a document', () =>
    given([created(), attached()])
      .when(command('RemoveReportDocument', { caseId, blobHash: blobHash(1) }))
      .then([{ type: 'ReportDocumentRemoved', data: { caseId, blobHash: blobHash(1), removedAt: now } }]));

  it('refuses removing a document that is not attached', () =>
    given([created()])
      .when(command('RemoveReportDocument', { caseId, blobHash: blobHash(9) }))
      .thenThrows('ATTACHMENT_NOT_FOUND'));
});

describe('medical report submission: submitting', () => {
  it('registers the reports and routes them to the province’s INSS medical unit', () =>
    given([created(), attached()]).when(submit()).then(submitted()));

  it('routes Catalan provinces to ICAM', () =>
    given([created(ana, '08'), attached()])
      .when(submit())
      .then(submitted({ provinceCode: '08', unit: ICAM })));

  it('refuses a submission without a medical report', () =>
    given([created(), attached(representationForm)])
      .when(submit())
      .thenThrows('MEDICAL_REPORT_REQUIRED'));

  it('refuses reports for a benefit with no active record in that province, saying which', () =>
    given([created(), attached()])
      .when(submit({ activeBenefitRecord: false }))
      .thenThrows('NO_ACTIVE_BENEFIT_RECORD', {
        facts: { subject: ana, benefitRequestRef: 'IP-2026-0042', provinceCode: '28' },
      }));

  it('refuses a Cl@ve permanente signature without the SMS one-time code', () =>
    given([created(), attached()]).when(submit({}, 'clave-permanente')).thenThrows('SIGNATURE_OTP_REQUIRED'));

  it('signs with Cl@ve permanente once the one-time code is verified', () =>
    given([created(), attached()])
      .when(submit({ otpVerified: true }, 'clave-permanente'))
      .then(submitted({ signedWith: 'clave-permanente' })));

  it('refuses submission by anyone but the filer', () =>
    given([created(), attached()])
      .when(submit({}, 'certificate', carmen))
      .thenThrows('NOT_THE_FILER'));

  it('refuses filing for someone else without representation', () =>
    given([created(bruno), attached()])
      .when(submit())
      .thenThrows('REPRESENTATION_REQUIRED'));

  it('files for someone else with a representation document attached', () =>
    given([created(bruno), attached(), attached(representationForm)])
      .when(submit())
      .then(
        submitted({
          subject: bruno,
          attachments: [report, representationForm],
          representation: { kind: 'representation-document', blobHashes: [blobHash(2)] },
        }),
      ));

  it('files for someone else with a power of attorney in force for this procedure', () =>
    given([created(bruno), attached()])
      .when(submit({ powersOfAttorney: [powerFromBrunoToAna(['medical-report-submission'])] }))
      .then(
        submitted({ subject: bruno, representation: { kind: 'power-of-attorney', powerId: 'power-1' } }),
      ));

  it('refuses a power of attorney that does not cover this procedure', () =>
    given([created(bruno), attached()])
      .when(submit({ powersOfAttorney: [powerFromBrunoToAna(['entitlement-application'])] }))
      .thenThrows('REPRESENTATION_REQUIRED', {
        facts: { powers: [{ powerId: 'power-1', reason: 'procedure-not-covered' }] },
      }));

  it('refuses Cl@ve móvil submitting for someone else', () =>
    given([created(bruno), attached(), attached(representationForm)])
      .when(submit({}, 'clave-movil'))
      .thenThrows('LEVEL_OF_ASSURANCE_TOO_LOW'));

  it('refuses submitting twice', () =>
    given([created(), attached(), ...submitted()])
      .when(submit())
      .thenThrows('ALREADY_SUBMITTED'));
});

describe('medical report submission: withdrawing', () => {
  const withdraw = (actor: string = ana, resolvedAt: string | null = null) =>
    command('WithdrawReports', { caseId, reason: 'duplicate', resolvedAt }, actor);

  it('lets the filer withdraw a submitted filing', () =>
    given([created(), attached(), ...submitted()])
      .when(withdraw())
      .then([{ type: 'ReportsWithdrawn', data: { caseId, withdrawnAt: now, reason: 'duplicate' } }]));

  it('says the review is still to be withdrawn when it had not opened to record the withdrawal first', () =>
    given([created(), attached(), ...submitted()])
      .when(command('WithdrawReports', { caseId, resolvedAt: null, reviewPending: true }, ana))
      .then([{ type: 'ReportsWithdrawn', data: { caseId, withdrawnAt: now, reviewPending: true } }]));

  it('refuses withdrawing twice', () =>
    given([
      created(),
      attached(),
      ...submitted(),
      { type: 'ReportsWithdrawn', data: { caseId, withdrawnAt: now } },
    ])
      .when(withdraw())
      .thenThrows('ALREADY_WITHDRAWN'));

  it('refuses withdrawing a draft not yet submitted', () =>
    given([created()]).when(withdraw()).thenThrows('NOT_SUBMITTED'));

  it('refuses withdrawal by anyone but the filer', () =>
    given([created(), attached(), ...submitted()])
      .when(withdraw(bruno))
      .thenThrows('NOT_THE_FILER'));

  it('refuses withdrawal once the medical unit has resolved the case, saying when', () =>
    given([created(), attached(), ...submitted()])
      .when(withdraw(ana, '2026-12-01T09:00:00.000Z'))
      .thenThrows('CASE_ALREADY_RESOLVED', {
        kind: 'illegal-state',
        facts: { caseId, resolvedAt: '2026-12-01T09:00:00.000Z' },
      }));
});
