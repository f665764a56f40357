import { PEOPLE, blobHash, metadataFor } from '../shared/fixtures.testing';
import { spec } from '../shared/given-when-then.testing';
import type { LevelOfAssurance } from '../shared/command-metadata';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import { ICAM } from '../reference/provinces';
import type {
  CreateEntitlementDraft,
  EntitlementApplicationCommand,
  SubmitEntitlementApplication,
} from './entitlement-application.commands';
import { entitlementApplicationDecider } from './entitlement-application.decider';
import type {
  Beneficiary,
  EntitlementApplicationEvent,
  EntitlementApplicationSubmitted,
  EntitlementAttachment,
  EntitlementDraftCreated,
} from './entitlement-application.events';
import { firstFilingDateFor } from './entitlement-application.rules';

const { ana, bruno } = PEOPLE;
const caseId = 'case-7';
/** 10:00 in Madrid on 23 November 2026, the filing date in most examples. */
const now = '2026-11-23T09:00:00.000Z';
const given = spec(entitlementApplicationDecider).given;
const madrid = { kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' } as const;

const form: EntitlementAttachment = {
  blobHash: blobHash(1),
  filename: 'solicitud.pdf',
  contentType: 'application/pdf',
  size: 300_000,
  kind: 'application-form',
};
const familyBook: EntitlementAttachment = {
  ...form,
  blobHash: blobHash(2),
  filename: 'libro-familia.jpg',
  contentType: 'image/jpeg',
  kind: 'supporting-document',
};
const child = (birthDate: string): Beneficiary => ({ name: 'Lucía', birthDate });

const created = (overrides: Partial<EntitlementDraftCreated['data']> = {}): EntitlementDraftCreated => ({
  type: 'EntitlementDraftCreated',
  data: {
    caseId,
    filer: ana,
    subject: ana,
    provinceCode: '28',
    beneficiaries: [child('2020-05-05')],
    paperOptOut: true,
    createdAt: now,
    ...overrides,
  },
});
const attached = (attachment: EntitlementAttachment = form): EntitlementApplicationEvent => ({
  type: 'EntitlementDocumentAttached',
  data: { caseId, attachment, attachedAt: now },
});

const command = <C extends EntitlementApplicationCommand>(
  type: C['type'],
  data: C['data'],
  levelOfAssurance: LevelOfAssurance = 'certificate',
): C => ({ type, data, metadata: metadataFor(ana, { now, levelOfAssurance }) }) as C;

const submit = (overrides: Partial<SubmitEntitlementApplication['data']> = {}, registeredAt = now) =>
  command<SubmitEntitlementApplication>('SubmitEntitlementApplication', {
    caseId,
    otpVerified: false,
    registryEntry: { number: '2026/000321', registeredAt: new Date(registeredAt) },
    receiptCsv: 'CSV-XYZ789',
    powersOfAttorney: [],
    ...overrides,
  });

const submitted = (
  overrides: Partial<EntitlementApplicationSubmitted['data']> = {},
): EntitlementApplicationEvent[] => {
  const unit = overrides.unit ?? madrid;
  return [
    {
      type: 'EntitlementApplicationSubmitted',
      data: {
        caseId,
        filer: ana,
        subject: ana,
        provinceCode: '28',
        beneficiaries: [child('2020-05-05')],
        paperOptOut: true,
        attachments: [form, familyBook],
        filingDate: '2026-11-23',
        registryEntry: { number: '2026/000321', registeredAt: now },
        receiptCsv: 'CSV-XYZ789',
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
        procedure: 'entitlement-application',
        provinceCode: overrides.provinceCode ?? '28',
        unit,
        routedAt: now,
      },
    },
  ];
};

describe('entitlement application: drafting', () => {
  const create = (overrides: Partial<CreateEntitlementDraft['data']> = {}) =>
    command<CreateEntitlementDraft>('CreateEntitlementDraft', {
      caseId,
      subject: ana,
      provinceCode: '28',
      beneficiaries: [{ name: ' Lucía ', birthDate: '2020-05-05', identityNumber: '' }],
      paperOptOut: true,
      ...overrides,
    });

  it('creates a draft recording the paper opt-out', () => given([]).when(create()).then([created()]));

  it('records remarks on a draft without an application form', () =>
    given([])
      .when(create({ remarks: ' sin formulario ' }))
      .then([created({ remarks: 'sin formulario' })]));

  it('refuses a beneficiary without a name', () =>
    given([])
      .when(create({ beneficiaries: [{ name: ' ', birthDate: '2020-05-05' }] }))
      .thenThrows('INVALID_BENEFICIARY', { facts: { field: 'beneficiaries[0].name' } }));

  it('refuses a beneficiary with an impossible birth date', () =>
    given([])
      .when(create({ beneficiaries: [child('2020-02-30')] }))
      .thenThrows('INVALID_DATE', { facts: { field: 'beneficiaries[0].birthDate' } }));

  it('refuses a beneficiary with an invalid identity number', () =>
    given([])
      .when(create({ beneficiaries: [{ ...child('2020-05-05'), identityNumber: '12345678A' }] }))
      .thenThrows('INVALID_IDENTITY_NUMBER', { facts: { field: 'beneficiaries[0].identityNumber' } }));

  it('refuses an unknown processing province', () =>
    given([])
      .when(create({ provinceCode: '60' }))
      .thenThrows('UNKNOWN_PROVINCE'));

  it('refuses setting remarks on a draft that already has the application form', () =>
    given([created(), attached()])
      .when(command('UpdateEntitlementDraft', { caseId, remarks: 'urgente' }))
      .thenThrows('REMARKS_NOT_ALLOWED_WITH_FORM'));

  it('lets the filer clear remarks once the form is attached', () =>
    given([created({ remarks: 'sin formulario' }), attached()])
      .when(command('UpdateEntitlementDraft', { caseId, remarks: '', paperOptOut: false }))
      .then([
        {
          type: 'EntitlementDraftUpdated',
          data: {
            caseId,
            provinceCode: '28',
            beneficiaries: [child('2020-05-05')],
            paperOptOut: false,
            updatedAt: now,
          },
        },
      ]));

  it('refuses updates after submission', () =>
    given([created(), attached(), attached(familyBook), ...submitted()])
      .when(command('UpdateEntitlementDraft', { caseId, paperOptOut: false }))
      .thenThrows('ALREADY_SUBMITTED'));
});

describe('entitlement application: submitting', () => {
  const ready = [created(), attached(), attached(familyBook)];

  it('registers the application and routes it to the processing province', () =>
    given(ready).when(submit()).then(submitted()));

  it('routes a Catalan processing province like medical reports, to ICAM', () =>
    given([created({ provinceCode: '43' }), attached(), attached(familyBook)])
      .when(submit())
      .then(submitted({ provinceCode: '43', unit: ICAM })));

  it('refuses an application with neither the application form nor remarks', () =>
    given([created(), attached(familyBook)])
      .when(submit())
      .thenThrows('APPLICATION_FORM_REQUIRED'));

  it('refuses remarks together with the application form', () =>
    given([created({ remarks: 'sin formulario' }), attached()])
      .when(submit())
      .thenThrows('REMARKS_NOT_ALLOWED_WITH_FORM'));

  it('registers an application made in the remarks when no application form is attached', () =>
    given([created({ remarks: 'Solicito la asistencia sanitaria para mí y mi hija.' }), attached(familyBook)])
      .when(submit())
      .then(
        submitted({
          remarks: 'Solicito la asistencia sanitaria para mí y mi hija.',
          attachments: [familyBook],
        }),
      ));

  it('refuses a Cl@ve permanente signature without the SMS one-time code', () =>
    given(ready)
      .when({ ...submit(), metadata: metadataFor(ana, { now, levelOfAssurance: 'clave-permanente' }) })
      .thenThrows('SIGNATURE_OTP_REQUIRED'));

  it('refuses submitting twice', () =>
    given([...ready, ...submitted()])
      .when(submit())
      .thenThrows('ALREADY_SUBMITTED'));
});

describe('entitlement application: beneficiaries must be over three months old on the filing date', () => {
  const withChild = (birthDate: string) => [
    created({ beneficiaries: [child(birthDate)] }),
    attached(),
    attached(familyBook),
  ];

  it('refuses a beneficiary younger than three months', () =>
    given(withChild('2026-08-24'))
      .when(submit())
      .thenThrows('BENEFICIARY_UNDER_THREE_MONTHS', {
        facts: {
          name: 'Lucía',
          birthDate: '2026-08-24',
          filingDate: '2026-11-23',
          eligibleFrom: '2026-11-25',
        },
      }));

  it('refuses a beneficiary exactly three months old on the filing date', () =>
    given(withChild('2026-08-23')).when(submit()).thenThrows('BENEFICIARY_UNDER_THREE_MONTHS'));

  it('accepts a beneficiary three months and one day old', () =>
    given(withChild('2026-08-22'))
      .when(submit())
      .then(submitted({ beneficiaries: [child('2026-08-22')] })));

  it('judges age on the Madrid calendar day of the registry entry', () =>
    given(withChild('2026-08-23'))
      .when(submit({}, '2026-11-23T23:30:00.000Z'))
      .then(
        submitted({
          beneficiaries: [child('2026-08-23')],
          filingDate: '2026-11-24',
          registryEntry: { number: '2026/000321', registeredAt: '2026-11-23T23:30:00.000Z' },
        }),
      ));

  it('counts months ending short to the last day of the month', () => {
    expect(firstFilingDateFor('2026-08-31')).toBe('2026-12-01');
    expect(firstFilingDateFor('2026-11-30')).toBe('2027-03-01');
    expect(firstFilingDateFor('2026-08-23')).toBe('2026-11-24');
  });
});

describe('entitlement application: representation and withdrawal', () => {
  const power = (procedures: readonly Procedure[]): PowerOfAttorney => ({
    status: 'accepted',
    terms: {
      powerId: 'power-9',
      principal: bruno,
      proxy: ana,
      procedures,
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
      grantedAt: '2025-12-15T09:00:00.000Z',
    },
    acceptedAt: '2025-12-16T09:00:00.000Z',
  });
  const forBruno = [created({ subject: bruno }), attached(), attached(familyBook)];

  it('files for the holder with a power covering entitlement applications', () =>
    given(forBruno)
      .when(submit({ powersOfAttorney: [power(['entitlement-application'])] }))
      .then(
        submitted({ subject: bruno, representation: { kind: 'power-of-attorney', powerId: 'power-9' } }),
      ));

  it('refuses filing for the holder with a power for another procedure only', () =>
    given(forBruno)
      .when(submit({ powersOfAttorney: [power(['medical-report-submission'])] }))
      .thenThrows('REPRESENTATION_REQUIRED'));

  const own = [created(), attached(), attached(familyBook), ...submitted()];
  const withdrawn: EntitlementApplicationEvent = {
    type: 'EntitlementApplicationWithdrawn',
    data: { caseId, withdrawnAt: now },
  };
  const withdraw = command('WithdrawEntitlementApplication', { caseId, resolvedAt: null });

  it('lets the filer withdraw a submitted application', () => given(own).when(withdraw).then([withdrawn]));

  it('refuses withdrawing twice', () =>
    given([...own, withdrawn])
      .when(withdraw)
      .thenThrows('ALREADY_WITHDRAWN'));

  it('refuses withdrawing a draft not yet submitted', () =>
    given([created()]).when(withdraw).thenThrows('NOT_SUBMITTED'));

  it('refuses withdrawal once the medical unit has resolved the case', () =>
    given(own)
      .when(command('WithdrawEntitlementApplication', { caseId, resolvedAt: now }))
      .thenThrows('CASE_ALREADY_RESOLVED', { facts: { resolvedAt: now } }));
});
