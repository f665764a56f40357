import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  citizenAnswerDueOn,
  deadlineHasPassed,
  evolveReviewClock,
  initialReviewClock,
  madridDateOf,
  periodsFor,
  provinceFor,
  type CaseReviewEvent,
  type Holiday,
  type IsoDate,
} from '@expediente/domain';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { isEventOf, readDomainStream } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { deadlinesOf } from '@expediente/domain';
import { reviewNotFound, Reviews } from '../review.shared';
import type { ReviewDeadlines } from './view-review-deadlines.schema';

export class ViewReviewDeadlines extends Query<ReviewDeadlines> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

const REVIEW_EVENTS = [
  'ReviewOpened',
  'ReviewerAssigned',
  'InformationRequested',
  'InformationProvided',
  'CaseEvaluated',
  'CaseResolved',
  'ReviewWithdrawn',
  'ResolutionIssued',
  'CaseClosed',
  'DeadlineExpired',
] as const satisfies readonly CaseReviewEvent['type'][];

/**
 * Each running step's due date as the deadline worker computes it (`deadlinesOf` over the
 * review's clock), the period and the days it counts, the province's holidays, and when an
 * information request made today would be due — what a reviewer must see before sending it.
 */
@QueryHandler(ViewReviewDeadlines)
export class ViewReviewDeadlinesHandler implements IQueryHandler<ViewReviewDeadlines> {
  constructor(
    private readonly reviews: Reviews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEADLINE_RULES) private readonly rules: DeadlineRules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, caseId }: ViewReviewDeadlines): Promise<ReviewDeadlines> {
    await this.reviews.forStaff(principal, caseId);
    const stored = await readDomainStream(this.store, streams.review(caseId));
    const clock = stored.filter(isEventOf(REVIEW_EVENTS)).reduce(evolveReviewClock, initialReviewClock());
    const { review } = clock;
    if (review.status === 'none') throw reviewNotFound(caseId);
    const { policy, calendar } = this.rules;
    const now = this.clock.now();
    const today = madridDateOf(now);
    const periods = periodsFor(policy, review.procedure);
    const place = { calendar, provinceCode: review.provinceCode };
    const steps = deadlinesOf(clock, policy, calendar).map((deadline) => ({
      step: deadline.step,
      ...periods[deadline.step],
      state: deadline.state,
      dueOn: deadline.state === 'running' ? deadline.dueOn : null,
      overdue: deadline.state === 'running' && deadlineHasPassed(deadline.dueOn, now),
      pausedSince: deadline.state === 'paused' ? deadline.pausedSince : null,
      remainingDays: deadline.state === 'paused' ? deadline.remainingDays : null,
    }));
    const informationRequest =
      review.status === 'assigned'
        ? {
            ...periods.citizenAnswer,
            dueOn: citizenAnswerDueOn({ procedure: review.procedure, requestedAt: now }, policy, place),
          }
        : null;
    const province = provinceFor(review.provinceCode);
    const last = [today, informationRequest?.dueOn, ...steps.map((s) => s.dueOn)]
      .filter((d): d is IsoDate => typeof d === 'string')
      .sort()
      .at(-1)!;
    const from = madridDateOf(new Date(review.routedAt));
    const within = (scope: 'national' | 'regional' | 'local') => (holidays: readonly Holiday[] | undefined) =>
      (holidays ?? [])
        .filter((h) => h.date >= from && h.date <= last)
        .map((h) => ({ date: h.date, name: h.name, scope }));
    return {
      caseId,
      version: stored.at(-1)?.streamVersion ?? 0,
      today,
      province: { code: province.code, name: province.name, community: province.community },
      steps,
      informationRequest,
      holidays: [
        ...within('national')(calendar.national),
        ...within('regional')(calendar.regional[province.community]),
        ...within('local')(calendar.local[province.code]),
      ].sort((a, b) => a.date.localeCompare(b.date)),
    };
  }
}
