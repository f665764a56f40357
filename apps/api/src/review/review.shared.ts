import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import {
  caseReviewDecider,
  IllegalState,
  mayReadAsCompetentUnit,
  NotFound,
  type CaseReview,
  type CaseReviewCommand,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { streams } from '@expediente/infra/event-store/streams';
import { ApiProblem } from '../problem/api-problem';
import { parseIfMatch } from '../problem/if-match';
import { actorOf } from '../commands/command-context';

export type ExistingReview = Exclude<CaseReview, { status: 'none' }>;

/** Missing and out-of-reach read the same: a case's existence is not revealed outside its unit or parties. */
export const reviewNotFound = (caseId: string): NotFound =>
  new NotFound('REVIEW_NOT_FOUND', `There is no case ${caseId} under review that you can see.`, { caseId });

export const isStaff = (principal: Principal): boolean =>
  principal.roles.includes('reviewer') || principal.roles.includes('supervisor');

export const isParty = (principal: Principal, review: ExistingReview): boolean =>
  principal.subject === review.filer || principal.subject === review.subject;

export const REVIEW_STATUSES = [
  'open',
  'assigned',
  'awaiting-citizen',
  'evaluated',
  'resolved',
  'closed',
  'withdrawn',
] as const satisfies readonly ExistingReview['status'][];

export const caseIdSchema = z.uuid().meta({ example: '4f0c2a9e-8d1b-4c57-9a3e-2b6f1d0c7e55' });

/** What every write on a review answers: where it stands now, and the version to send back as If-Match. */
export const reviewOutcomeSchema = z.object({
  caseId: caseIdSchema,
  status: z.enum(REVIEW_STATUSES),
  version: z
    .number()
    .int()
    .min(0)
    .meta({ example: 3, description: 'The review stream’s version (the ETag).' }),
});
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

/** Refusals of every route under /reviews/{caseId}. */
export const REVIEW_REFUSALS = [
  { status: 400, codes: ['INVALID_ID'] },
  { status: 403, codes: ['FORBIDDEN_ROLE', 'LEVEL_OF_ASSURANCE_TOO_LOW'] },
  { status: 404, codes: ['REVIEW_NOT_FOUND'] },
] as const;

/** The append lost a race, or the client's If-Match is stale. */
export const CONCURRENCY_REFUSAL = { status: 409, codes: ['CONCURRENT_MODIFICATION'] } as const;

/** Where a stale view would do harm (who works the case, what it decides), the client must say which version it saw. */
export function requiredIfMatch(header: string | undefined): number {
  const version = parseIfMatch(header);
  if (version === undefined) {
    throw new ApiProblem(
      428,
      'IF_MATCH_REQUIRED',
      'If-Match required',
      'Send If-Match with the version (ETag) of the review you looked at, so nobody overwrites a change they did not see.',
    );
  }
  return version;
}

export const IF_MATCH_REFUSALS = [
  { status: 400, codes: ['INVALID_IF_MATCH'] },
  { status: 428, codes: ['IF_MATCH_REQUIRED'] },
] as const;

export const withETag = <T extends { readonly version: number }>(res: Response, outcome: T): T => {
  res.setHeader('ETag', `"${outcome.version}"`);
  return outcome;
};

/** Loads a review and runs a command on it: the rules are the domain's, the reach (unit, party) is checked here. */
@Injectable()
export class Reviews {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(caseId: string): Promise<{ review: ExistingReview | undefined; version: number }> {
    const { state, version } = await load(this.store, caseReviewDecider, streams.review(caseId));
    return { review: state.status === 'none' ? undefined : state, version: version ?? -1 };
  }

  /**
   * Staff see the cases of their own unit only (ICAM never sees INSS cases, nor the reverse), judged
   * by the domain's one rule for staff reads on the session asking now.
   */
  async forStaff(principal: Principal, caseId: string): Promise<{ review: ExistingReview; version: number }> {
    const { review, version } = await this.load(caseId);
    mayReadAsCompetentUnit(actorOf(principal), caseId, review && { caseId, unit: review.unit });
    if (!review) throw reviewNotFound(caseId);
    return { review, version };
  }

  /** The case's filer or subject. */
  async forParty(principal: Principal, caseId: string): Promise<{ review: ExistingReview; version: number }> {
    const { review, version } = await this.load(caseId);
    if (!review || !isParty(principal, review)) throw reviewNotFound(caseId);
    return { review, version };
  }

  /** Nothing is asked of the citizen (a code, an upload) unless the case is waiting for their answer. */
  async awaitingAnswerFrom(principal: Principal, caseId: string) {
    const party = await this.forParty(principal, caseId);
    if (party.review.status !== 'awaiting-citizen') {
      // The domain's refusal for an answer nobody asked for (provideInformation).
      throw new IllegalState('NOT_AWAITING_INFORMATION', 'No information has been requested for this case.', {
        caseId,
      });
    }
    return party;
  }

  async run(caseId: string, command: CaseReviewCommand, expectedVersion?: number): Promise<ReviewOutcome> {
    const result = await runCommand(this.store, caseReviewDecider, streams.review(caseId), command, {
      expectedVersion,
    });
    return outcomeOf(caseId, result.state, result.version ?? 0);
  }
}

export function outcomeOf(
  caseId: string,
  state: { readonly status: CaseReview['status'] },
  version: number,
): ReviewOutcome {
  if (state.status === 'none') throw reviewNotFound(caseId);
  return { caseId, status: state.status, version };
}
