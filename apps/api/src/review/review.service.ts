import { Inject, Injectable } from '@nestjs/common';
import {
  caseReviewDecider,
  citizenAnswerDueOn,
  NotFound,
  type CaseReview,
  type CaseReviewCommand,
  type ResolutionOutcome,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { STAFF_DIRECTORY, StaffDirectory } from '@expediente/infra/staff/staff-directory.port';
import { metadataFor } from '../commands/command-context';
import { ApiProblem } from '../problem/api-problem';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { streams } from '@expediente/infra/event-store/streams';

type ExistingReview = Exclude<CaseReview, { status: 'none' }>;

/** Missing and out-of-reach read the same: a case's existence is not revealed outside its unit or parties. */
export const reviewNotFound = (caseId: string): NotFound =>
  new NotFound('REVIEW_NOT_FOUND', `There is no case ${caseId} under review that you can see.`, { caseId });

export const isStaff = (principal: Principal): boolean =>
  principal.roles.includes('reviewer') || principal.roles.includes('supervisor');

export const isParty = (principal: Principal, review: ExistingReview): boolean =>
  principal.subject === review.filer || principal.subject === review.subject;

export interface ReviewOutcome {
  readonly caseId: string;
  readonly status: CaseReview['status'];
  readonly version: number;
}

/** The medical unit's work on a case: loads, decides and appends; the rules are the domain's. */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    @Inject(DEADLINE_RULES) private readonly rules: DeadlineRules,
  ) {}

  async load(caseId: string): Promise<{ review: ExistingReview | undefined; version: number | undefined }> {
    const { state, version } = await load(this.store, caseReviewDecider, streams.review(caseId));
    return { review: state.status === 'none' ? undefined : state, version };
  }

  /** Staff see the cases of their own unit only: ICAM never sees INSS cases, nor the reverse. */
  async loadForStaff(principal: Principal, caseId: string) {
    const { review, version } = await this.load(caseId);
    if (!review || !isStaff(principal) || review.unit.id !== principal.unit) throw reviewNotFound(caseId);
    return { review, version: version! };
  }

  /** The whole review for its unit's staff; the parties see where it stands and what is asked of them. */
  async view(principal: Principal, caseId: string) {
    const { review, version } = await this.load(caseId);
    if (review && isStaff(principal) && review.unit.id === principal.unit)
      return { ...review, version: version! };
    if (!review || !isParty(principal, review)) throw reviewNotFound(caseId);
    return {
      caseId,
      status: review.status,
      procedure: review.procedure,
      unit: review.unit,
      ...(review.status === 'awaiting-citizen' && { request: review.request }),
      ...(review.status === 'withdrawn' && { withdrawnAt: review.withdrawnAt }),
      version: version!,
    };
  }

  /** The reviewer's unit is the directory's word, not the request's. */
  async assign(
    principal: Principal,
    caseId: string,
    body: { reviewerId: string; reason?: string },
    expectedVersion: number,
  ): Promise<ReviewOutcome> {
    await this.loadForStaff(principal, caseId);
    const member = await this.staff.find(body.reviewerId);
    if (!member || !member.roles.includes('reviewer')) {
      throw new ApiProblem(
        422,
        'UNKNOWN_REVIEWER',
        'Unknown reviewer',
        `The staff directory has no reviewer ${body.reviewerId}.`,
        { reviewerId: body.reviewerId },
      );
    }
    return this.run(
      caseId,
      {
        type: 'AssignReviewer',
        data: { caseId, reviewer: { id: member.id, unit: member.unit }, reason: body.reason },
        metadata: metadataFor(principal),
      },
      expectedVersion,
    );
  }

  /** The citizen's time to answer counts business days of the case's province, from today. */
  async requestInformation(principal: Principal, caseId: string, requested: string): Promise<ReviewOutcome> {
    const { review } = await this.loadForStaff(principal, caseId);
    const metadata = metadataFor(principal);
    const dueOn = citizenAnswerDueOn(
      { procedure: review.procedure, requestedAt: metadata.now },
      this.rules.policy,
      { calendar: this.rules.calendar, provinceCode: review.provinceCode },
    );
    return this.run(caseId, { type: 'RequestInformation', data: { caseId, requested, dueOn }, metadata });
  }

  async evaluate(principal: Principal, caseId: string, findings: string): Promise<ReviewOutcome> {
    await this.loadForStaff(principal, caseId);
    return this.run(caseId, {
      type: 'EvaluateCase',
      data: { caseId, findings },
      metadata: metadataFor(principal),
    });
  }

  async resolve(
    principal: Principal,
    caseId: string,
    body: { outcome: string; grounds: string; legalBasis: string },
    expectedVersion: number,
  ): Promise<ReviewOutcome> {
    await this.loadForStaff(principal, caseId);
    return this.run(
      caseId,
      {
        type: 'ResolveCase',
        // The domain refuses an outcome it does not know (INVALID_OUTCOME); the body schema already did.
        data: { caseId, ...body, outcome: body.outcome as ResolutionOutcome },
        metadata: metadataFor(principal),
      },
      expectedVersion,
    );
  }

  async run(caseId: string, command: CaseReviewCommand, expectedVersion?: number): Promise<ReviewOutcome> {
    const result = await runCommand(this.store, caseReviewDecider, streams.review(caseId), command, {
      expectedVersion,
    });
    return { caseId, status: result.state.status, version: result.version! };
  }
}
