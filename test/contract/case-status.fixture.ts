import { randomUUID } from 'node:crypto';
import { StoredEvent } from '@expediente/infra/event-store/event-store.port';

/** "Today" for powers in force: 15 June 2026 in Madrid. */
export const NOW = new Date('2026-06-15T10:00:00.000Z');
const START = Date.parse('2026-06-01T08:00:00.000Z');

/** Synthetic log: positions strictly increasing, a minute between events unless told. */
function logBuilder() {
  let position = 0;
  const versions = new Map<string, number>();
  const events: StoredEvent[] = [];
  const add = (stream: string, type: string, data: Record<string, unknown>, at?: Date): StoredEvent => {
    position += 1;
    const streamVersion = (versions.get(stream) ?? -1) + 1;
    versions.set(stream, streamVersion);
    const event: StoredEvent = {
      id: randomUUID(),
      stream,
      type,
      schemaVersion: 1,
      data,
      metadata: { actor: String(data.filer ?? data.principal ?? 'system:worker') },
      recordedAt: at ?? new Date(START + position * 60_000),
      streamVersion,
      position,
      hash: '0'.repeat(64),
    };
    events.push(event);
    return event;
  };
  return { add, events };
}

export const UNIT = { id: 'ICAM', name: 'Inspección Médica de Madrid' };

const draft = (caseId: string, filer: string, subject: string) => ({
  caseId,
  filer,
  subject,
  benefitRequestRef: 'REF-1',
  provinceCode: '28',
});

/**
 * The contract's synthetic log and the people and ids it speaks of: Ana files for herself
 * (submitted, routed, receipt issued), Bea for Carlos (withdrawn), Pablo holds powers from
 * Carlos (in force), Dolores (revoked), Elena (expired), Fede (not accepted) and Gema (not
 * yet valid), Zoe files for herself, and Hugo has five drafts, three at the same instant.
 */
export function caseStatusFixture() {
  const ids = {
    ana: randomUUID(),
    bea: randomUUID(),
    dolores: randomUUID(),
    elena: randomUUID(),
    fede: randomUUID(),
    gema: randomUUID(),
    zoe: randomUUID(),
    hugo: [1, 2, 3, 4, 5].map(() => randomUUID()),
    ines: randomUUID(),
  };
  const power = {
    carlos: randomUUID(),
    dolores: randomUUID(),
    elena: randomUUID(),
    fede: randomUUID(),
    gema: randomUUID(),
  };
  const csv = 'CSV2026ABCDEF0123';
  const receipt = {
    caseId: ids.ana,
    csv,
    registryNumber: '2026/000001',
    registeredAt: '2026-06-01T08:03:30.000Z',
    pdfHash: 'a'.repeat(64),
    p7sHash: 'b'.repeat(64),
    zipHash: 'c'.repeat(64),
    facts: { csv, registryEntry: { number: '2026/000001' }, attachments: ['informe.pdf'] },
  };

  const { add, events: log } = logBuilder();
  // Ana files for herself: submitted, routed, receipt issued.
  add(`case-${ids.ana}`, 'ReportDraftCreated', draft(ids.ana, 'ana', 'ana'));
  add(`case-${ids.ana}`, 'ReportDocumentAttached', {
    caseId: ids.ana,
    attachment: { filename: 'informe.pdf', blobHash: 'd'.repeat(64) },
  });
  add(`case-${ids.ana}`, 'ReportsSubmitted', {
    ...draft(ids.ana, 'ana', 'ana'),
    registryEntry: { number: '2026/000001', registeredAt: receipt.registeredAt },
    receiptCsv: csv,
    unit: UNIT,
  });
  add(`case-${ids.ana}`, 'CaseRoutedToUnit', { caseId: ids.ana, unit: UNIT, provinceCode: '28' });
  add(`receipt-${ids.ana}`, 'ProofOfReceiptIssued', receipt);
  // Bea files for Carlos, then withdraws.
  add(`case-${ids.bea}`, 'EntitlementDraftCreated', draft(ids.bea, 'bea', 'carlos'));
  add(`case-${ids.bea}`, 'EntitlementApplicationSubmitted', {
    ...draft(ids.bea, 'bea', 'carlos'),
    registryEntry: { number: '2026/000002', registeredAt: '2026-06-01T08:07:00.000Z' },
    receiptCsv: 'CSV2026BBBBBB0000',
  });
  add(`case-${ids.bea}`, 'CaseRoutedToUnit', { caseId: ids.bea, unit: UNIT, provinceCode: '28' });
  add(`case-${ids.bea}`, 'EntitlementApplicationWithdrawn', { caseId: ids.bea });
  // Powers held by Pablo: only Carlos's is accepted and in force today.
  const grant = (principal: keyof typeof power, validFrom: string, validUntil: string) =>
    add(`power-${power[principal]}`, 'PowerGranted', {
      powerId: power[principal],
      principal,
      proxy: 'pablo',
      procedures: ['medical-report-submission', 'entitlement-application'],
      validFrom,
      validUntil,
    });
  const accept = (principal: keyof typeof power) =>
    add(`power-${power[principal]}`, 'PowerAccepted', { powerId: power[principal], proxy: 'pablo' });
  grant('carlos', '2026-06-01', '2026-12-31');
  accept('carlos');
  grant('dolores', '2026-05-01', '2026-12-31');
  accept('dolores');
  add(`power-${power.dolores}`, 'PowerRevoked', { powerId: power.dolores, principal: 'dolores' });
  grant('elena', '2026-01-01', '2026-06-14');
  accept('elena');
  grant('fede', '2026-04-01', '2026-12-31');
  grant('gema', '2026-06-16', '2026-12-31');
  accept('gema');
  for (const [name, caseId] of [
    ['dolores', ids.dolores],
    ['elena', ids.elena],
    ['fede', ids.fede],
    ['gema', ids.gema],
    ['zoe', ids.zoe],
  ] as const) {
    add(`case-${caseId}`, 'ReportDraftCreated', draft(caseId, name, name));
  }
  // Hugo's five drafts: three at the same instant, to page across a tie.
  const tie = new Date('2026-06-02T09:00:00.000Z');
  ids.hugo.forEach((caseId, i) =>
    add(`case-${caseId}`, 'ReportDraftCreated', draft(caseId, 'hugo', 'hugo'), i < 3 ? tie : undefined),
  );

  const steps = inesFollowsHerReview(add, ids.ines, ids.bea);

  const people = [
    'ana',
    'bea',
    'carlos',
    'dolores',
    'elena',
    'fede',
    'gema',
    'zoe',
    'hugo',
    'ines',
    'pablo',
    'nobody',
  ];
  const allCases = [
    ids.ana,
    ids.bea,
    ids.dolores,
    ids.elena,
    ids.fede,
    ids.gema,
    ids.zoe,
    ...ids.hugo,
    ids.ines,
  ];
  return { log, ids, power, csv, receipt, people, allCases, steps };
}

type Add = ReturnType<typeof logBuilder>['add'];

/**
 * Ines files for herself and follows her review to the end: assigned, asked for information
 * (due 2026-06-19), answers, evaluated, resolved (granted), notified, opens and accepts, closed.
 * Another notification, of no case of hers, comes and goes in between; Bea's withdrawn case
 * gets a late review step. Returns the log position after each of Ines's steps.
 */
function inesFollowsHerReview(add: Add, caseId: string, withdrawnCaseId: string) {
  const review = `review-${caseId}`;
  const notificationId = randomUUID();
  const other = randomUUID();
  const at = (minute: number) => `2026-06-03T08:${String(minute).padStart(2, '0')}:00.000Z`;
  add(`case-${caseId}`, 'ReportDraftCreated', draft(caseId, 'ines', 'ines'));
  add(`case-${caseId}`, 'ReportsSubmitted', {
    ...draft(caseId, 'ines', 'ines'),
    registryEntry: { number: '2026/000009', registeredAt: at(0) },
    receiptCsv: 'CSV2026IIIIII0000',
  });
  add(`case-${caseId}`, 'CaseRoutedToUnit', { caseId, unit: UNIT, provinceCode: '28' });
  const opened = {
    caseId,
    procedure: 'medical-report-submission',
    provinceCode: '28',
    unit: UNIT,
    subject: 'ines',
    filer: 'ines',
    routedAt: at(1),
    openedAt: at(1),
  };
  const step = (stream: string, type: string, data: Record<string, unknown>) =>
    add(stream, type, data).position;
  return {
    routed: step(review, 'ReviewOpened', opened),
    assigned: step(review, 'ReviewerAssigned', {
      caseId,
      reviewerId: 'R-SECRET-NAME',
      previousReviewerId: null,
      assignedBy: 'S1',
      assignedAt: at(2),
    }),
    informationRequested: step(review, 'InformationRequested', {
      caseId,
      requestedBy: 'R-SECRET-NAME',
      requested: 'El informe de neurología.',
      dueOn: '2026-06-19',
      requestedAt: at(3),
    }),
    informationProvided: step(review, 'InformationProvided', {
      caseId,
      providedBy: 'ines',
      attachments: [],
      signedWith: 'certificate',
      providedAt: at(4),
    }),
    lateStepOfWithdrawn: step(`review-${withdrawnCaseId}`, 'ReviewOpened', {
      ...opened,
      caseId: withdrawnCaseId,
      subject: 'carlos',
      filer: 'bea',
    }),
    evaluated: step(review, 'CaseEvaluated', { caseId, evaluatedBy: 'R', findings: 'f', evaluatedAt: at(5) }),
    resolved: step(review, 'CaseResolved', {
      caseId,
      resolvedBy: 'R',
      outcome: 'granted',
      grounds: 'g',
      legalBasis: 'l',
      resolvedAt: at(6),
    }),
    issued: step(review, 'ResolutionIssued', {
      caseId,
      documentHash: 'e'.repeat(64),
      signatureHash: 'f'.repeat(64),
      csv: 'CSV2026RESOL0000',
      issuedAt: at(7),
    }),
    notificationAvailable: step(`notification-${notificationId}`, 'NotificationMadeAvailable', {
      notificationId,
      addressee: 'ines',
      subject: 'Resolución',
      caseId,
      documentHash: 'e'.repeat(64),
      specialCategory: true,
      madeAvailableAt: at(8),
      lastDayToAccess: '2026-06-13',
      deemedRejectedAt: '2026-06-13T22:00:00.000Z',
    }),
    otherNotification: step(`notification-${other}`, 'NotificationMadeAvailable', {
      notificationId: other,
      addressee: 'ines',
      subject: 'Otra',
      documentHash: 'e'.repeat(64),
      specialCategory: false,
      madeAvailableAt: at(9),
      lastDayToAccess: '2026-06-13',
      deemedRejectedAt: '2026-06-13T22:00:00.000Z',
    }),
    otherRejected: step(`notification-${other}`, 'NotificationDeemedRejected', {
      notificationId: other,
      deemedRejectedAt: '2026-06-13T22:00:00.000Z',
      recordedAt: at(10),
    }),
    accessed: step(`notification-${notificationId}`, 'NotificationAccessed', {
      notificationId,
      ...actedBy('ines'),
      accessedAt: at(11),
    }),
    accepted: step(`notification-${notificationId}`, 'NotificationAccepted', {
      notificationId,
      ...actedBy('ines'),
      acceptedAt: at(12),
    }),
    closed: step(review, 'CaseClosed', {
      caseId,
      notificationId,
      notificationOutcome: 'accepted',
      notifiedAt: at(12),
      closedAt: at(13),
    }),
  };
}

const actedBy = (person: string) => ({
  actedBy: person,
  onBehalfOf: person,
  basis: { kind: 'own-name' },
  levelOfAssurance: 'certificate',
});
