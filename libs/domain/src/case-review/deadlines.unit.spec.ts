import { SAMPLE_HOLIDAY_CALENDAR_2026 as calendar } from '../calendar/holidays-2026.sample';
import { ICAM } from '../reference/provinces';
import type { CaseReviewEvent } from './case-review.events';
import {
  DEFAULT_DEADLINE_POLICY,
  citizenAnswerDueOn,
  deadlineHasPassed,
  periodsFor,
  reviewDeadlines,
  type DeadlinePolicy,
} from './deadlines';
import {
  assigned,
  caseId,
  evaluated,
  expired,
  issued,
  opened,
  requested,
  resolved,
} from './case-review.fixtures.testing';

/** Short periods so the expected dates can be counted by hand on the 2026 sample calendar. */
const policy: DeadlinePolicy = {
  standard: {
    assign: { days: 2, count: 'business' },
    evaluate: { days: 10, count: 'business' },
    citizenAnswer: { days: 5, count: 'business' },
    notifyResolution: { days: 10, count: 'calendar' },
  },
};
const requestedOn25th: CaseReviewEvent = {
  ...requested('2026-12-02'),
  data: { ...requested('2026-12-02').data, requestedAt: '2026-11-25T10:00:00.000Z' },
} as CaseReviewEvent;
const answeredOn27th: CaseReviewEvent = {
  type: 'InformationProvided',
  data: {
    caseId,
    providedBy: opened.data.filer,
    attachments: [],
    statement: 'Adjunto',
    signedWith: 'certificate',
    providedAt: '2026-11-27T10:00:00.000Z',
  },
};

describe('review deadlines', () => {
  it('runs the assignment and evaluation clocks from routing, in business days of the province', () =>
    // Routed Monday 23 Nov in Madrid: 7 Dec (regional) and 8 Dec (national) are skipped.
    expect(reviewDeadlines([opened], policy, calendar)).toEqual([
      { step: 'assign', state: 'running', dueOn: '2026-11-25' },
      { step: 'evaluate', state: 'running', dueOn: '2026-12-09' },
    ]));

  it("counts with the holidays of the case's province", () => {
    const barcelona = {
      ...opened,
      data: { ...opened.data, provinceCode: '08', unit: ICAM },
    } as CaseReviewEvent;
    expect(reviewDeadlines([barcelona, assigned()], policy, calendar)).toEqual([
      { step: 'evaluate', state: 'running', dueOn: '2026-12-07' },
    ]);
  });

  it('pauses the evaluation clock while waiting on the citizen and shows the citizen’s due date', () =>
    expect(reviewDeadlines([opened, assigned(), requestedOn25th], policy, calendar)).toEqual([
      { step: 'evaluate', state: 'paused', pausedSince: '2026-11-25', remainingDays: 8 },
      { step: 'citizenAnswer', state: 'running', dueOn: '2026-12-02' },
    ]));

  it('does not count the days spent waiting on the citizen against the evaluation', () =>
    // 26 and 27 Nov were spent waiting: two business days later than 9 Dec.
    expect(reviewDeadlines([opened, assigned(), requestedOn25th, answeredOn27th], policy, calendar)).toEqual([
      { step: 'evaluate', state: 'running', dueOn: '2026-12-11' },
    ]));

  it('resumes the evaluation clock after the citizen’s last day when no answer came', () =>
    expect(
      reviewDeadlines(
        [opened, assigned(), requestedOn25th, expired('citizenAnswer', '2026-12-02')],
        policy,
        calendar,
      ),
    ).toEqual([{ step: 'evaluate', state: 'running', dueOn: '2026-12-16' }]));

  it('gives ten calendar days to notify a resolution, until it is issued', () => {
    const resolvedOn10th = {
      ...resolved,
      data: { ...resolved.data, resolvedAt: '2026-12-10T10:00:00.000Z' },
    } as CaseReviewEvent;
    const history = [opened, assigned(), evaluated, resolvedOn10th];
    expect(reviewDeadlines(history, policy, calendar)).toEqual([
      { step: 'notifyResolution', state: 'running', dueOn: '2026-12-20' },
    ]);
    expect(reviewDeadlines([...history, issued], policy, calendar)).toEqual([]);
  });

  it('runs no clock once evaluated, or for a case that does not exist', () => {
    expect(reviewDeadlines([opened, assigned(), evaluated], policy, calendar)).toEqual([]);
    expect(reviewDeadlines([], policy, calendar)).toEqual([]);
  });

  it('lets a procedure override some periods of the standard policy', () => {
    const custom: DeadlinePolicy = {
      ...policy,
      byProcedure: { 'medical-report-submission': { evaluate: { days: 1, count: 'business' } } },
    };
    expect(periodsFor(custom, 'medical-report-submission')).toEqual({
      ...policy.standard,
      evaluate: { days: 1, count: 'business' },
    });
    expect(periodsFor(custom, 'entitlement-application')).toEqual(policy.standard);
    expect(reviewDeadlines([opened, assigned()], custom, calendar)).toEqual([
      { step: 'evaluate', state: 'running', dueOn: '2026-11-24' },
    ]);
  });

  it("gives the citizen ten business days by default, counted from the request's Madrid day", () => {
    expect(DEFAULT_DEADLINE_POLICY.standard).toMatchObject({
      assign: { days: 5, count: 'business' },
      evaluate: { days: 30, count: 'business' },
      citizenAnswer: { days: 10, count: 'business' },
      notifyResolution: { days: 10, count: 'calendar' },
    });
    const place = { calendar, provinceCode: '28' };
    expect(
      citizenAnswerDueOn(
        { procedure: 'medical-report-submission', requestedAt: new Date('2026-11-25T10:00:00.000Z') },
        DEFAULT_DEADLINE_POLICY,
        place,
      ),
    ).toBe('2026-12-11');
    // 23:30 UTC on 24 Nov is already 25 Nov in Madrid.
    expect(
      citizenAnswerDueOn(
        { procedure: 'medical-report-submission', requestedAt: new Date('2026-11-24T23:30:00.000Z') },
        DEFAULT_DEADLINE_POLICY,
        place,
      ),
    ).toBe('2026-12-11');
  });

  it('treats a due day as met until it ends in Madrid', () => {
    expect(deadlineHasPassed('2026-12-02', new Date('2026-12-02T22:59:59.000Z'))).toBe(false);
    expect(deadlineHasPassed('2026-12-02', new Date('2026-12-02T23:00:00.000Z'))).toBe(true);
  });
});
