import type { ExpedienteEvent } from '../expediente-events';
import { citizenViewOf, evolveCitizenCase, initialCitizenCase } from '../case-review/citizen-status';
import { evolve as evolveReview, initialState as initialReview } from '../case-review/case-review.state';
import {
  assigned,
  caseId,
  evaluated,
  issued,
  MADRID_UNIT,
  now,
  opened,
  provided,
  requested,
  resolved,
} from '../case-review/case-review.fixtures.testing';
import type { CaseReviewEvent } from '../case-review/case-review.events';
import { foldAuditedCase, snapshotOf } from './audited-case';
import { diffStates, pathsOverlap, replayChanges } from './state-diff';
import { initialAuditedCase } from './audited-case';

const notificationId = 'notification-1';
const routed: ExpedienteEvent = {
  type: 'CaseRoutedToUnit',
  data: {
    caseId,
    procedure: 'medical-report-submission',
    provinceCode: '28',
    unit: MADRID_UNIT,
    routedAt: now,
  },
};
const created: ExpedienteEvent = {
  type: 'ReportDraftCreated',
  data: {
    caseId,
    filer: 'ana',
    subject: 'ana',
    benefitRequestRef: 'IT-1',
    provinceCode: '28',
    createdAt: now,
  },
};
const notice: ExpedienteEvent = {
  type: 'NotificationMadeAvailable',
  data: {
    notificationId,
    addressee: 'ana',
    subject: 'Resolución',
    caseId,
    documentHash: 'a'.repeat(64),
    specialCategory: true,
    madeAvailableAt: now,
    lastDayToAccess: '2026-12-03',
    deemedRejectedAt: '2026-12-03T23:00:00.000Z',
  },
};
const alert: ExpedienteEvent = {
  type: 'AlertSent',
  data: {
    alertId: 'alert-1',
    about: 'notification',
    addressee: 'ana',
    caseId,
    notificationId,
    attempts: [{ channel: 'sms', to: '+34 6** *** *22', outcome: 'sent' }],
    sentAt: now,
  },
};
const review: CaseReviewEvent[] = [
  opened,
  assigned(),
  requested('2026-12-09'),
  provided,
  evaluated,
  resolved,
  issued,
];

describe('a case folded for an auditor', () => {
  it('is nothing before its first event', () => {
    expect(snapshotOf(foldAuditedCase([]))).toMatchObject({
      filing: null,
      review: { status: 'none' },
      citizen: null,
    });
  });

  it('folds the review with the review’s own evolve, and the citizen’s view with citizenViewOf', () => {
    for (let n = 0; n <= review.length; n++) {
      const events = review.slice(0, n);
      const snapshot = snapshotOf(foldAuditedCase(events));
      expect(snapshot.review).toEqual(events.reduce(evolveReview, initialReview()));
      expect(snapshot.citizen).toEqual(citizenViewOf(events.reduce(evolveCitizenCase, initialCitizenCase())));
    }
  });

  it('keeps the filing under its procedure, routing included', () => {
    const snapshot = snapshotOf(foldAuditedCase([created, routed]));
    expect(snapshot.filing).toMatchObject({
      procedure: 'medical-report-submission',
      status: 'draft',
      caseId,
    });
  });

  it('keeps every notification and alert of the case by id, beside the citizen’s latest', () => {
    const snapshot = snapshotOf(foldAuditedCase([...review, notice, alert]));
    expect(snapshot.notifications[notificationId]).toMatchObject({ status: 'available' });
    expect(snapshot.alerts['alert-1']).toEqual({ status: 'sent', alertId: 'alert-1' });
    expect(snapshot.citizen).toMatchObject({ status: 'notification-available' });
  });
});

describe('what changed between two states', () => {
  it('names each changed leaf by its path, with the value before and after', () => {
    expect(diffStates({ a: 1, b: { c: 'x', d: [1, 2] } }, { a: 1, b: { c: 'y', d: [1, 3, 4] } })).toEqual([
      { path: 'b.c', from: 'x', to: 'y' },
      { path: 'b.d[1]', from: 2, to: 3 },
      { path: 'b.d[2]', to: 4 },
    ]);
  });

  it('says a field appeared or disappeared by leaving out the side it is missing from; undefined is missing', () => {
    expect(diffStates({ a: undefined, gone: true }, { a: undefined, added: { x: 1 } })).toEqual([
      { path: 'gone', from: true },
      { path: 'added', to: { x: 1 } },
    ]);
  });

  it('quotes keys that are not identifiers, and reports a changed kind of value whole', () => {
    expect(diffStates({ m: { 'id-1': 'a' } }, { m: { 'id-1': { s: 1 } } })).toEqual([
      { path: 'm["id-1"]', from: 'a', to: { s: 1 } },
    ]);
  });

  it('finds nothing between equal states', () => {
    const state = snapshotOf(foldAuditedCase(review));
    expect(diffStates(state, structuredClone(state))).toEqual([]);
  });

  it('tells which event changed what: an assignment changes the review’s status and reviewer and what the citizen reads', () => {
    const start = foldAuditedCase([opened]);
    const { steps, end } = replayChanges(start, [assigned()]);
    expect(steps[0]!.changes).toEqual(
      expect.arrayContaining([
        { path: 'review.status', from: 'open', to: 'assigned' },
        { path: 'citizen.status', from: 'routed', to: 'assigned' },
      ]),
    );
    expect(snapshotOf(end)).toEqual(snapshotOf(foldAuditedCase([opened, assigned()])));
    expect(replayChanges(initialAuditedCase(), []).steps).toEqual([]);
  });

  it('relates a path to the paths inside it, not to its neighbours', () => {
    expect(pathsOverlap('review', 'review.status')).toBe(true);
    expect(pathsOverlap('review.status', 'review')).toBe(true);
    expect(pathsOverlap('review.request', 'review.requestedAt')).toBe(false);
    expect(pathsOverlap('a[1]', 'a')).toBe(true);
  });
});
