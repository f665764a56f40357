/**
 * How one review event changes its case's queue row: a pure function, so the projection is a
 * read, this, and a write. The due date shown is the running step's, counted as the domain's
 * deadlines.ts counts it (the evaluation clock pauses while the case waits on the citizen).
 */
import {
  addCalendarDays,
  addPeriod,
  businessDaysBetween,
  calendarDaysBetween,
  isDomainError,
  madridDateOf,
  periodsFor,
  type CaseReviewEvent,
  type IsoDate,
  type Procedure,
  type ReviewStep,
} from '@expediente/domain';
import type { DeadlineRules } from '../deadlines/deadline-rules';

export type QueueStatus =
  'open' | 'assigned' | 'awaiting-citizen' | 'evaluated' | 'resolved' | 'closed' | 'withdrawn';

/** Cases the unit still has to work on. */
export const OPEN_STATUSES: readonly QueueStatus[] = ['open', 'assigned', 'awaiting-citizen', 'evaluated'];
export const QUEUE_STATUSES: readonly QueueStatus[] = [...OPEN_STATUSES, 'resolved', 'closed', 'withdrawn'];

export interface QueueRow {
  readonly caseId: string;
  readonly unitId: string;
  readonly procedure: Procedure;
  readonly provinceCode: string;
  readonly reviewerId: string | null;
  readonly status: QueueStatus;
  readonly openedAt: string;
  readonly statusChangedAt: string;
  readonly routedOn: IsoDate;
  readonly dueStep: ReviewStep | null;
  readonly dueOn: IsoDate | null;
  /** The deadline worker recorded the running step's deadline as expired (DeadlineExpired). */
  readonly overdue: boolean;
  readonly pausedSince: IsoDate | null;
  /** Days (of the evaluation's count) the case has waited on the citizen. */
  readonly pausedDays: number;
  readonly resolvedAt: string | null;
  readonly outcome: string | null;
}

const dayOf = (instant: string): IsoDate => madridDateOf(new Date(instant));

/**
 * A date the holiday calendar cannot count (a year it does not cover) shows no due date
 * rather than stopping the projection: the deadline worker reports the same gap on its side.
 */
const counted = <T>(count: () => T): T | null => {
  try {
    return count();
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
};

const place = (rules: DeadlineRules, row: Pick<QueueRow, 'provinceCode'>) => ({
  calendar: rules.calendar,
  provinceCode: row.provinceCode,
});

const periods = (rules: DeadlineRules, row: Pick<QueueRow, 'procedure'>) =>
  periodsFor(rules.policy, row.procedure);

const stepDue = (rules: DeadlineRules, row: QueueRow, step: 'assign' | 'evaluate', extraDays = 0) => {
  const { days, count } = periods(rules, row)[step];
  return {
    dueStep: step,
    dueOn: counted(() => addPeriod(row.routedOn, days + extraDays, count, place(rules, row))),
    overdue: false,
  };
};

const evaluationDue = (rules: DeadlineRules, row: QueueRow) =>
  stepDue(rules, row, 'evaluate', row.pausedDays);

/** The waiting from `pausedSince` to `until`, added to the evaluation's paused days. */
const resumed = (rules: DeadlineRules, row: QueueRow, until: IsoDate): QueueRow => {
  if (row.pausedSince === null) return row;
  const from = row.pausedSince;
  const { count } = periods(rules, row).evaluate;
  const waited =
    count === 'business'
      ? counted(() => businessDaysBetween(from, until, rules.calendar, row.provinceCode))
      : calendarDaysBetween(from, until);
  return { ...row, pausedSince: null, pausedDays: row.pausedDays + (waited ?? 0) };
};

const noDeadline = { dueStep: null, dueOn: null, overdue: false } as const;

/** The row after `event`; undefined while the case has no row (an event before ReviewOpened). */
export function queueRowAfter(
  row: QueueRow | undefined,
  event: CaseReviewEvent,
  rules: DeadlineRules,
): QueueRow | undefined {
  if (event.type === 'ReviewOpened') {
    if (row) return row;
    const { caseId, unit, procedure, provinceCode, routedAt, openedAt } = event.data;
    const opened: QueueRow = {
      caseId,
      unitId: unit.id,
      procedure,
      provinceCode,
      reviewerId: null,
      status: 'open',
      openedAt,
      statusChangedAt: openedAt,
      routedOn: dayOf(routedAt),
      ...noDeadline,
      pausedSince: null,
      pausedDays: 0,
      resolvedAt: null,
      outcome: null,
    };
    return { ...opened, ...stepDue(rules, opened, 'assign') };
  }
  if (!row) return undefined;
  switch (event.type) {
    case 'ReviewerAssigned': {
      const { reviewerId, assignedAt } = event.data;
      if (row.status !== 'open') return { ...row, reviewerId };
      const assigned = { ...row, reviewerId, status: 'assigned' as const, statusChangedAt: assignedAt };
      return { ...assigned, ...evaluationDue(rules, assigned) };
    }
    case 'InformationRequested':
      return row.status === 'assigned'
        ? {
            ...row,
            status: 'awaiting-citizen',
            statusChangedAt: event.data.requestedAt,
            pausedSince: dayOf(event.data.requestedAt),
            dueStep: 'citizenAnswer',
            dueOn: event.data.dueOn,
            overdue: false,
          }
        : row;
    case 'InformationProvided': {
      if (row.status !== 'awaiting-citizen') return row;
      const back = {
        ...resumed(rules, row, dayOf(event.data.providedAt)),
        status: 'assigned' as const,
        statusChangedAt: event.data.providedAt,
      };
      return { ...back, ...evaluationDue(rules, back) };
    }
    case 'CaseEvaluated':
      return row.status === 'assigned'
        ? { ...row, status: 'evaluated', statusChangedAt: event.data.evaluatedAt, ...noDeadline }
        : row;
    case 'CaseResolved': {
      if (row.status !== 'evaluated') return row;
      const { resolvedAt, outcome } = event.data;
      const { days } = periods(rules, row).notifyResolution;
      return {
        ...row,
        status: 'resolved',
        statusChangedAt: resolvedAt,
        resolvedAt,
        outcome,
        dueStep: 'notifyResolution',
        dueOn: addCalendarDays(dayOf(resolvedAt), days),
        overdue: false,
      };
    }
    case 'ResolutionIssued':
      return row.status === 'resolved' ? { ...row, ...noDeadline } : row;
    case 'CaseClosed':
      return row.status === 'resolved'
        ? { ...row, status: 'closed', statusChangedAt: event.data.closedAt, ...noDeadline }
        : row;
    case 'ReviewWithdrawn':
      return OPEN_STATUSES.includes(row.status)
        ? { ...row, status: 'withdrawn', statusChangedAt: event.data.withdrawnAt, ...noDeadline }
        : row;
    case 'DeadlineExpired': {
      const { step, dueOn, recordedAt } = event.data;
      if (step === 'citizenAnswer' && row.status === 'awaiting-citizen' && row.dueOn === dueOn) {
        // The citizen's time is over: back to the reviewer, with the evaluation clock running again.
        const back = {
          ...resumed(rules, row, dueOn),
          status: 'assigned' as const,
          statusChangedAt: recordedAt,
        };
        return { ...back, ...evaluationDue(rules, back) };
      }
      return row.dueStep === step && row.dueOn === dueOn ? { ...row, overdue: true } : row;
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
