import { blobHash, PEOPLE } from '../shared/fixtures.testing';
import { spec } from '../shared/given-when-then.testing';
import type { Actor, LevelOfAssurance, Role } from '../shared/command-metadata';
import { ICAM, type MedicalUnit } from '../reference/provinces';
import { mayReadAsCompetentUnit, type CompetentUnit } from './case-access.rules';
import { caseAccessDecider } from './case-access.decider';
import type { RecordDocumentRead } from './case-access.commands';
import type { DocumentRead } from './case-access.events';
import { caseDocumentsOf, type CaseDocument, type CaseStreamEvent } from './case-documents';

const caseId = 'case-1';
const MADRID: MedicalUnit = { kind: 'INSS', id: 'INSS-28', name: 'INSS Madrid' };
const routedToMadrid: CompetentUnit = { caseId, unit: MADRID };
const now = new Date('2026-11-23T10:00:00.000Z');

const staff = (
  roles: readonly Role[],
  unit: string | null = 'INSS-28',
  levelOfAssurance: LevelOfAssurance = 'certificate',
): Actor => ({ id: '22222222j', name: 'Rosa', roles, levelOfAssurance, ...(unit !== null && { unit }) });

/** given the case's competent unit, when someone reads it, then the basis or the refusal. */
const given = (competent: CompetentUnit | undefined) => ({
  whenRead: (reader: Actor) => ({
    thenBasis: (role: string) =>
      expect(mayReadAsCompetentUnit(reader, caseId, competent)).toEqual({ role, unit: MADRID }),
    thenRefused: (code: string, kind: string) =>
      expect(() => mayReadAsCompetentUnit(reader, caseId, competent)).toThrow(
        expect.objectContaining({ code, kind }),
      ),
  }),
});

describe('who among staff may read a case (status, timeline, documents)', () => {
  it.each<Role>(['reviewer', 'supervisor'])('lets a %s of the competent unit read it', (role) =>
    given(routedToMadrid)
      .whenRead(staff([role]))
      .thenBasis(role),
  );

  it('reads as a supervisor when the person is both', () =>
    given(routedToMadrid)
      .whenRead(staff(['reviewer', 'supervisor']))
      .thenBasis('supervisor'));

  it('lets staff read with Cl@ve permanente as with a certificate', () =>
    given(routedToMadrid)
      .whenRead(staff(['reviewer'], 'INSS-28', 'clave-permanente'))
      .thenBasis('reviewer'));

  it('hides the case from staff of another unit, as if it did not exist', () =>
    given(routedToMadrid)
      .whenRead(staff(['reviewer'], ICAM.id))
      .thenRefused('REVIEW_NOT_FOUND', 'not-found'));

  it('hides it from staff who name no unit', () =>
    given(routedToMadrid)
      .whenRead(staff(['supervisor'], null))
      .thenRefused('REVIEW_NOT_FOUND', 'not-found'));

  it.each<Role[]>([['citizen'], ['auditor'], ['integrator'], []])(
    'hides it from anyone who is not unit staff (%p), even naming the unit',
    (...roles) => given(routedToMadrid).whenRead(staff(roles)).thenRefused('REVIEW_NOT_FOUND', 'not-found'),
  );

  it('hides a case that has not reached a unit yet', () =>
    given(undefined)
      .whenRead(staff(['supervisor']))
      .thenRefused('REVIEW_NOT_FOUND', 'not-found'));

  it('refuses health data to Cl@ve móvil, saying what to use', () =>
    given(routedToMadrid)
      .whenRead(staff(['reviewer'], 'INSS-28', 'clave-movil'))
      .thenRefused('LEVEL_OF_ASSURANCE_TOO_LOW', 'forbidden'));

  it('judges the unit before the level: another unit’s Cl@ve móvil session still sees nothing', () =>
    given(routedToMadrid)
      .whenRead(staff(['reviewer'], 'ICAM', 'clave-movil'))
      .thenRefused('REVIEW_NOT_FOUND', 'not-found'));
});

const report: CaseDocument = {
  blobHash: blobHash(1),
  filename: 'informe.pdf',
  contentType: 'application/pdf',
  size: 1200,
  kind: 'medical-report',
  providedIn: 'filing',
  providedAt: '2026-11-02T09:00:00.000Z',
};

const read = (reader: Actor, competent: CompetentUnit | undefined = routedToMadrid): RecordDocumentRead => ({
  type: 'RecordDocumentRead',
  data: { caseId, competent, document: report, requestId: 'req-42' },
  metadata: { now, actor: reader, correlationId: 'req-42' },
});

const documentRead = (role: 'reviewer' | 'supervisor'): DocumentRead => ({
  type: 'DocumentRead',
  data: {
    caseId,
    document: {
      blobHash: blobHash(1),
      filename: 'informe.pdf',
      contentType: 'application/pdf',
      providedIn: 'filing',
    },
    reader: { id: '22222222J', role, unit: MADRID, levelOfAssurance: 'certificate' },
    requestId: 'req-42',
    readAt: now.toISOString(),
  },
});

describe('recording a read of a document', () => {
  const { given: givenReads } = spec(caseAccessDecider);

  it('records who read which document of the case, in which role and unit, when and under which request', () =>
    givenReads([])
      .when(read(staff(['reviewer'])))
      .then([documentRead('reviewer')]));

  it('records every read, the same document again included: the log is append-only', () =>
    givenReads([documentRead('reviewer')])
      .when(read(staff(['supervisor'])))
      .then([documentRead('supervisor')]));

  it('records nothing for someone the rule does not let read', () =>
    givenReads([])
      .when(read(staff(['reviewer'], 'ICAM')))
      .thenThrows('REVIEW_NOT_FOUND'));

  it('records nothing for a Cl@ve móvil session', () =>
    givenReads([])
      .when(read(staff(['reviewer'], 'INSS-28', 'clave-movil')))
      .thenThrows('LEVEL_OF_ASSURANCE_TOO_LOW'));
});

const at = (iso: string) => new Date(iso);
const submitted: CaseStreamEvent = {
  type: 'ReportsSubmitted',
  recordedAt: at('2026-11-02T09:00:00.000Z'),
  data: {
    caseId,
    filer: PEOPLE.ana,
    subject: PEOPLE.ana,
    benefitRequestRef: 'IT-1',
    provinceCode: '28',
    attachments: [
      {
        blobHash: blobHash(1),
        filename: 'informe.pdf',
        contentType: 'application/pdf',
        size: 1200,
        kind: 'medical-report',
      },
    ],
    unit: MADRID,
    submittedAt: '2026-11-02T09:00:00.000Z',
    registryEntry: { number: '2026/000001', registeredAt: '2026-11-02T09:00:00.000Z' },
    receiptCsv: 'CSV1',
    signedWith: 'certificate',
    representation: { kind: 'own-name' },
  },
};
const provided: CaseStreamEvent = {
  type: 'InformationProvided',
  recordedAt: at('2026-11-10T09:00:00.000Z'),
  data: {
    caseId,
    providedBy: PEOPLE.ana,
    attachments: [
      {
        blobHash: blobHash(2),
        filename: 'analitica.png',
        contentType: 'image/png',
        size: 300,
        kind: 'other',
      },
      {
        blobHash: blobHash(1),
        filename: 'informe-otra-vez.pdf',
        contentType: 'application/pdf',
        size: 1200,
        kind: 'other',
      },
    ],
    signedWith: 'certificate',
    providedAt: '2026-11-10T09:00:00.000Z',
  },
};
const resolutionIssued: CaseStreamEvent = {
  type: 'ResolutionIssued',
  recordedAt: at('2026-11-20T09:00:00.000Z'),
  data: {
    caseId,
    documentHash: blobHash(3),
    signatureHash: blobHash(4),
    csv: 'RES1',
    issuedAt: '2026-11-20T09:00:00.000Z',
  },
};

describe('the documents of a case', () => {
  it('lists the filing’s attachments, what the citizen provided later and what was issued, in the order provided', () =>
    expect(caseDocumentsOf([resolutionIssued, provided, submitted])).toEqual([
      report,
      expect.objectContaining({
        blobHash: blobHash(2),
        providedIn: 'information',
        providedAt: '2026-11-10T09:00:00.000Z',
      }),
      expect.objectContaining({
        blobHash: blobHash(3),
        filename: 'resolucion-RES1.pdf',
        contentType: 'application/pdf',
        size: null,
        providedIn: 'resolution',
      }),
    ]));

  it('counts the same bytes provided twice as one document, as first provided', () =>
    expect(caseDocumentsOf([submitted, provided]).filter((d) => d.blobHash === blobHash(1))).toEqual([
      report,
    ]));

  it('has no documents before anything is filed', () => expect(caseDocumentsOf([])).toEqual([]));
});
