/**
 * Each step's due date, from a policy given as data (ours: configurable per procedure; the 10
 * calendar days to notify a resolution come from Law 39/2015 art. 40.2). The evaluation clock
 * pauses while the case waits on the citizen: those days do not count against the unit.
 */
import { addCalendarDays, isAfter, madridDateOf, type IsoDate } from '../shared/calendar';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import { addBusinessDays, businessDaysBetween, calendarDaysBetween } from '../calendar/business-days';
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import type { CaseReviewEvent, ReviewStep } from './case-review.events';
import { evolve, initialState, type CaseReview } from './case-review.state';

export interface Period {
  readonly days: number;
  readonly count: 'business' | 'calendar';
}

export type StepPeriods = Readonly<Record<ReviewStep, Period>>;

export interface DeadlinePolicy {
  readonly standard: StepPeriods;
  readonly byProcedure?: Readonly<Partial<Record<Procedure, Partial<StepPeriods>>>>;
}

const business = (days: number): Period => ({ days, count: 'business' });
const calendarDays = (days: number): Period => ({ days, count: 'calendar' });

/** Our defaults; a deployment passes its own policy. */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  standard: {
    assign: business(5),
    evaluate: business(30),
    citizenAnswer: business(10),
    notifyResolution: calendarDays(10),
  },
};

export const periodsFor = (policy: DeadlinePolicy, procedure: Procedure): StepPeriods => ({
  ...policy.standard,
  ...policy.byProcedure?.[procedure],
});

/** Where a case's business days are counted: the province it is addressed to. */
export interface CountingPlace {
  readonly calendar: HolidayCalendar;
  readonly provinceCode: string;
}

export const addPeriod = (
  start: IsoDate,
  days: number,
  count: Period['count'],
  place: CountingPlace,
): IsoDate =>
  count === 'business'
    ? addBusinessDays(start, days, place.calendar, place.provinceCode)
    : addCalendarDays(start, days);

const daysBetween = (from: IsoDate, to: IsoDate, count: Period['count'], place: CountingPlace): number =>
  count === 'business'
    ? businessDaysBetween(from, to, place.calendar, place.provinceCode)
    : calendarDaysBetween(from, to);

/** A due date is met on the day itself; it has passed only from the next Madrid day. */
export const deadlineHasPassed = (dueOn: IsoDate, now: Date): boolean => isAfter(madridDateOf(now), dueOn);

/** What the handler puts on RequestInformation: the citizen's time to answer, from the request day. */
export const citizenAnswerDueOn = (
  request: { procedure: Procedure; requestedAt: Date },
  policy: DeadlinePolicy,
  place: CountingPlace,
): IsoDate => {
  const { days, count } = periodsFor(policy, request.procedure).citizenAnswer;
  return addPeriod(madridDateOf(request.requestedAt), days, count, place);
};

export type StepDeadline =
  | { readonly step: ReviewStep; readonly state: 'running'; readonly dueOn: IsoDate }
  | {
      readonly step: 'evaluate';
      readonly state: 'paused';
      readonly pausedSince: IsoDate;
      /** Negative when the evaluation was already late when the clock paused. */
      readonly remainingDays: number;
    };

const dayOf = (instant: string): IsoDate => madridDateOf(new Date(instant));

export interface Pauses {
  readonly closed: readonly (readonly [IsoDate, IsoDate])[];
  readonly openSince: IsoDate | null;
}

/** Waiting on the citizen runs from the request to the answer, or to the answer's last day if none came. */
const evolvePauses = (pauses: Pauses, event: CaseReviewEvent): Pauses => {
  const end = (on: IsoDate): Pauses =>
    pauses.openSince === null
      ? pauses
      : { closed: [...pauses.closed, [pauses.openSince, on]], openSince: null };
  switch (event.type) {
    case 'InformationRequested':
      return { ...pauses, openSince: dayOf(event.data.requestedAt) };
    case 'InformationProvided':
      return end(dayOf(event.data.providedAt));
    case 'DeadlineExpired':
      return event.data.step === 'citizenAnswer' ? end(event.data.dueOn) : pauses;
    default:
      return pauses;
  }
};

/**
 * What a review's due dates are computed from: its state and its waits on the citizen, folded
 * one event at a time, so a projection can keep it beside its row (plain JSON) and ask
 * `deadlinesOf` after each event instead of restating the rules.
 */
export interface ReviewClock {
  readonly review: CaseReview;
  readonly pauses: Pauses;
}

export const initialReviewClock = (): ReviewClock => ({
  review: initialState(),
  pauses: { closed: [], openSince: null },
});

export const evolveReviewClock = (clock: ReviewClock, event: CaseReviewEvent): ReviewClock => ({
  review: evolve(clock.review, event),
  pauses: evolvePauses(clock.pauses, event),
});

/** The evaluation's clock stops while the case waits on the citizen: since when, and the days already waited. */
export const evaluationPause = (
  { review, pauses }: ReviewClock,
  policy: DeadlinePolicy,
  calendar: HolidayCalendar,
): { readonly pausedSince: IsoDate | null; readonly pausedDays: number } => {
  if (review.status === 'none') return { pausedSince: null, pausedDays: 0 };
  const { count } = periodsFor(policy, review.procedure).evaluate;
  const place = { calendar, provinceCode: review.provinceCode };
  return {
    pausedSince: pauses.openSince,
    pausedDays: pauses.closed.reduce((total, [from, to]) => total + daysBetween(from, to, count, place), 0),
  };
};

/** The steps whose clock is running (or paused) now, with their due dates, for dashboards and the deadline worker. */
export const deadlinesOf = (
  clock: ReviewClock,
  policy: DeadlinePolicy,
  calendar: HolidayCalendar,
): readonly StepDeadline[] => {
  const { review } = clock;
  if (review.status === 'none') return [];
  const periods = periodsFor(policy, review.procedure);
  const place = { calendar, provinceCode: review.provinceCode };
  const openedOn = dayOf(review.routedAt);
  const due = (step: ReviewStep, from: IsoDate, extraDays = 0): StepDeadline => ({
    step,
    state: 'running',
    dueOn: addPeriod(from, periods[step].days + extraDays, periods[step].count, place),
  });
  const evaluate = (): StepDeadline => {
    const { days, count } = periods.evaluate;
    const { pausedSince, pausedDays } = evaluationPause(clock, policy, calendar);
    if (pausedSince === null) return due('evaluate', openedOn, pausedDays);
    const elapsed = daysBetween(openedOn, pausedSince, count, place) - pausedDays;
    return { step: 'evaluate', state: 'paused', pausedSince, remainingDays: days - elapsed };
  };
  switch (review.status) {
    case 'open':
      return [due('assign', openedOn), evaluate()];
    case 'assigned':
      return [evaluate()];
    case 'awaiting-citizen':
      return [evaluate(), { step: 'citizenAnswer', state: 'running', dueOn: review.request.dueOn }];
    case 'resolved':
      return review.issued ? [] : [due('notifyResolution', dayOf(review.resolution.resolvedAt))];
    case 'evaluated':
    case 'closed':
    case 'withdrawn':
      return [];
    default: {
      const unknown: never = review;
      return unknown;
    }
  }
};

export const reviewDeadlines = (
  events: readonly CaseReviewEvent[],
  policy: DeadlinePolicy,
  calendar: HolidayCalendar,
): readonly StepDeadline[] =>
  deadlinesOf(events.reduce(evolveReviewClock, initialReviewClock()), policy, calendar);
