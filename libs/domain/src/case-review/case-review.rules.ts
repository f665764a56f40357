/**
 * Who may act on a review and in which state. Staff act only on their own unit's cases (ICAM
 * never on INSS cases, nor the reverse); reviewers only on cases assigned to them; citizens
 * only on cases they filed or that concern them.
 */
import type { Actor } from '../shared/command-metadata';
import {
  Forbidden,
  IllegalState,
  NotFound,
  ValidationError,
  type DomainErrorCode,
} from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import type { CaseReview, ExistingReview, UnresolvedReview } from './case-review.state';

export const requireReview = (state: CaseReview, caseId: string): ExistingReview => {
  if (state.status === 'none') {
    throw new NotFound('REVIEW_NOT_FOUND', `Case ${caseId} has not reached a medical unit.`, { caseId });
  }
  return state;
};

export const isSupervisor = (actor: Actor): boolean => actor.roles.includes('supervisor');

export const actorMustBeUnitStaff = (actor: Actor, review: ExistingReview): void => {
  if (!actor.roles.includes('reviewer') && !isSupervisor(actor)) {
    throw new Forbidden('NOT_UNIT_STAFF', "Only the medical unit's reviewers and supervisors may do this.", {
      caseId: review.caseId,
    });
  }
  if (actor.unit !== review.unit.id) {
    throw new Forbidden(
      'WRONG_UNIT',
      `This case belongs to ${review.unit.name}; staff of other units may not act on it.`,
      {
        caseId: review.caseId,
        caseUnit: review.unit.id,
        actorUnit: actor.unit ?? null,
      },
    );
  }
};

export const actorMustBeAssignedReviewer = (
  actor: Actor,
  review: UnresolvedReview & { reviewerId: string },
): void => {
  actorMustBeUnitStaff(actor, review);
  if (normaliseIdentityNumber(actor.id) !== review.reviewerId) {
    throw new Forbidden('NOT_ASSIGNED_TO_YOU', 'Only the reviewer this case is assigned to may work on it.', {
      caseId: review.caseId,
    });
  }
};

/** The filer (who may be a representative) or the person the case concerns. */
export const actorMustBeParty = (actor: Actor, review: ExistingReview): string => {
  const id = normaliseIdentityNumber(actor.id);
  if (id !== review.filer && id !== review.subject) {
    throw new Forbidden(
      'NOT_YOUR_CASE',
      'Only the person who filed this case, or whom it concerns, may do this.',
      {
        caseId: review.caseId,
      },
    );
  }
  return id;
};

/** Nothing changes a case once resolved, except issuing and notifying the resolution. */
export const requireUnresolved = (review: ExistingReview): UnresolvedReview => {
  switch (review.status) {
    case 'open':
    case 'assigned':
    case 'awaiting-citizen':
    case 'evaluated':
      return review;
    case 'resolved':
      throw new IllegalState('CASE_ALREADY_RESOLVED', 'This case has already been resolved.', {
        caseId: review.caseId,
        resolvedAt: review.resolution.resolvedAt,
      });
    case 'closed':
      throw new IllegalState('CASE_ALREADY_CLOSED', 'This case is closed.', {
        caseId: review.caseId,
        closedAt: review.closedAt,
      });
    case 'withdrawn':
      throw new IllegalState('ALREADY_WITHDRAWN', 'This case was withdrawn.', {
        caseId: review.caseId,
        withdrawnAt: review.withdrawnAt,
      });
    default: {
      const unknown: never = review;
      return unknown;
    }
  }
};

const WRONG_STATUS: Readonly<Record<UnresolvedReview['status'], { code: DomainErrorCode; message: string }>> =
  {
    open: { code: 'CASE_NOT_ASSIGNED', message: 'This case has not been assigned to a reviewer yet.' },
    assigned: { code: 'CASE_NOT_EVALUATED', message: 'This case has not been evaluated yet.' },
    'awaiting-citizen': {
      code: 'CASE_AWAITING_INFORMATION',
      message: 'This case is waiting for the information requested from the citizen.',
    },
    evaluated: { code: 'CASE_ALREADY_EVALUATED', message: 'This case has already been evaluated.' },
  };

/** Narrows to the one status a step needs, refusing the others with the reason a user understands. */
export const requireStatus = <Status extends UnresolvedReview['status']>(
  review: UnresolvedReview,
  status: Status,
): Extract<UnresolvedReview, { status: Status }> => {
  if (review.status === status) return review as Extract<UnresolvedReview, { status: Status }>;
  const { code, message } = WRONG_STATUS[review.status];
  throw new IllegalState(code, message, { caseId: review.caseId, status: review.status });
};

export const textMustBeGiven = (text: string | undefined, code: DomainErrorCode, message: string): string => {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') throw new ValidationError(code, message, {});
  return trimmed;
};
