/**
 * How one review event changes its case's queue row: the event is folded through the domain's
 * `evolveReviewClock` (the review's `evolve` and its waits on the citizen), and the row's status,
 * reviewer, resolution and due date are read off the result with the domain's `deadlinesOf`.
 * No rule of the review is restated here; the row only keeps what the state does not (when the
 * review opened, when its status last changed).
 */
import {
  deadlinesOf,
  evaluationPause,
  evolveReviewClock,
  initialReviewClock,
  isDomainError,
  madridDateOf,
  resolvedAtOf,
  type CaseReviewEvent,
  type IsoDate,
  type Procedure,
  type ReviewClock,
  type ReviewStep,
  type StepDeadline,
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

/** A row and the domain's fold it was read from (stored beside it, as JSON). */
export interface QueueEntry {
  readonly row: QueueRow;
  readonly clock: ReviewClock;
}

/** When the event happened, as it says itself. */
const instantOf = (event: CaseReviewEvent): string => {
  switch (event.type) {
    case 'ReviewOpened':
      return event.data.openedAt;
    case 'ReviewerAssigned':
      return event.data.assignedAt;
    case 'InformationRequested':
      return event.data.requestedAt;
    case 'InformationProvided':
      return event.data.providedAt;
    case 'CaseEvaluated':
      return event.data.evaluatedAt;
    case 'CaseResolved':
      return event.data.resolvedAt;
    case 'ResolutionIssued':
      return event.data.issuedAt;
    case 'CaseClosed':
      return event.data.closedAt;
    case 'ReviewWithdrawn':
      return event.data.withdrawnAt;
    case 'DeadlineExpired':
      return event.data.recordedAt;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

/**
 * A date the holiday calendar cannot count (a year it does not cover) shows no due date
 * rather than stopping the projection: the deadline worker reports the same gap on its side.
 */
const counted = <T>(count: () => T, otherwise: T): T => {
  try {
    return count();
  } catch (error) {
    if (isDomainError(error)) return otherwise;
    throw error;
  }
};

/** The row shows one due date: the first step whose clock is running. */
const runningStep = (clock: ReviewClock, rules: DeadlineRules) =>
  counted<readonly StepDeadline[]>(() => deadlinesOf(clock, rules.policy, rules.calendar), []).find(
    (deadline): deadline is Extract<StepDeadline, { state: 'running' }> => deadline.state === 'running',
  );

/** The entry after `event`; undefined while the case has no review (an event before ReviewOpened). */
export function queueEntryAfter(
  entry: QueueEntry | undefined,
  event: CaseReviewEvent,
  rules: DeadlineRules,
): QueueEntry | undefined {
  const clock = evolveReviewClock(entry?.clock ?? initialReviewClock(), event);
  const { review } = clock;
  if (review.status === 'none') return undefined;
  const running = runningStep(clock, rules);
  const pause = counted(() => evaluationPause(clock, rules.policy, rules.calendar), {
    pausedSince: clock.pauses.openSince,
    pausedDays: entry?.row.pausedDays ?? 0,
  });
  const openedAt = entry?.row.openedAt ?? instantOf(event);
  const statusChangedAt =
    entry && entry.row.status === review.status ? entry.row.statusChangedAt : instantOf(event);
  const resolution = review.status === 'resolved' || review.status === 'closed' ? review.resolution : null;
  const row: QueueRow = {
    caseId: review.caseId,
    unitId: review.unit.id,
    procedure: review.procedure,
    provinceCode: review.provinceCode,
    reviewerId: 'reviewerId' in review ? review.reviewerId : null,
    status: review.status,
    openedAt,
    statusChangedAt,
    routedOn: madridDateOf(new Date(review.routedAt)),
    dueStep: running?.step ?? null,
    dueOn: running?.dueOn ?? null,
    overdue:
      running !== undefined &&
      review.expiredDeadlines.some(
        (expired) => expired.step === running.step && expired.dueOn === running.dueOn,
      ),
    pausedSince: pause.pausedSince,
    pausedDays: pause.pausedDays,
    resolvedAt: resolvedAtOf(review),
    outcome: resolution?.outcome ?? null,
  };
  return { row, clock };
}
