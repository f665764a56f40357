/**
 * The commands the system issues as workers react to other events: opening the review when a
 * filing is routed, recording the issued resolution, closing once it was notified, and
 * recording expired deadlines. They are never exposed over HTTP, so they carry no actor rules.
 */
import { assertIsoDate } from '../shared/calendar';
import { Conflict, IllegalState } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import { documentHashMustBeSha256 } from '../notification/notification.rules';
import type {
  CloseCase,
  OpenReview,
  RecordDeadlineExpired,
  RecordFilingWithdrawn,
  RecordResolutionIssued,
} from './case-review.commands';
import { REVIEW_STEPS, type CaseReviewEvent, type ReviewStep } from './case-review.events';
import { requireReview, requireUnresolved } from './case-review.rules';
import type { CaseReview, ExistingReview } from './case-review.state';
import { deadlineHasPassed } from './deadlines';

export const openReview = ({ data, metadata }: OpenReview, state: CaseReview): CaseReviewEvent[] => {
  if (state.status !== 'none') {
    throw new Conflict('REVIEW_ALREADY_OPEN', `Case ${data.caseId} is already under review.`, {
      caseId: data.caseId,
    });
  }
  return [
    {
      type: 'ReviewOpened',
      data: {
        caseId: data.caseId,
        procedure: data.procedure,
        provinceCode: data.provinceCode,
        unit: data.unit,
        subject: normaliseIdentityNumber(data.subject),
        filer: normaliseIdentityNumber(data.filer),
        routedAt: data.routedAt,
        openedAt: metadata.now.toISOString(),
      },
    },
  ];
};

/**
 * A filing withdrawn before its review opened closes the review as soon as it opens. Once the
 * review records the withdrawal, recording it again is nothing; a resolved review refuses it.
 */
export const recordFilingWithdrawn = (
  { data }: RecordFilingWithdrawn,
  state: CaseReview,
): CaseReviewEvent[] => {
  const existing = requireReview(state, data.caseId);
  if (existing.status === 'withdrawn') return [];
  const review = requireUnresolved(existing);
  const reason = data.reason?.trim() || undefined;
  return [
    {
      type: 'ReviewWithdrawn',
      data: {
        caseId: review.caseId,
        withdrawnBy: normaliseIdentityNumber(data.withdrawnBy),
        withdrawnAt: data.withdrawnAt,
        ...(reason === undefined ? {} : { reason }),
      },
    },
  ];
};

/** Issuing and notifying follow the resolution; before it, or after closing, they make no sense. */
const requireResolved = (review: ExistingReview) => {
  if (review.status === 'resolved') return review;
  requireUnresolved(review);
  throw new IllegalState('CASE_NOT_RESOLVED', 'This case has not been resolved yet.', {
    caseId: review.caseId,
    status: review.status,
  });
};

export const recordResolutionIssued = (
  { data }: RecordResolutionIssued,
  state: CaseReview,
): CaseReviewEvent[] => {
  const review = requireResolved(requireReview(state, data.caseId));
  if (review.issued) {
    throw new IllegalState(
      'RESOLUTION_ALREADY_ISSUED',
      'The resolution of this case has already been issued.',
      {
        caseId: review.caseId,
        documentHash: review.issued.documentHash,
      },
    );
  }
  return [
    {
      type: 'ResolutionIssued',
      data: {
        caseId: review.caseId,
        documentHash: documentHashMustBeSha256(data.documentHash),
        signatureHash: documentHashMustBeSha256(data.signatureHash),
        csv: data.csv,
        issuedAt: data.issuedAt,
        paperCopy: data.paperCopy,
      },
    },
  ];
};

export const closeCase = ({ data, metadata }: CloseCase, state: CaseReview): CaseReviewEvent[] => {
  const review = requireResolved(requireReview(state, data.caseId));
  if (!review.issued) {
    throw new IllegalState(
      'RESOLUTION_NOT_ISSUED',
      'The resolution must be issued and notified before closing.',
      {
        caseId: review.caseId,
      },
    );
  }
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: review.caseId,
        notificationId: data.notificationId,
        notificationOutcome: data.notificationOutcome,
        notifiedAt: data.notifiedAt,
        closedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const stepIsRunning = (review: ExistingReview, step: ReviewStep): boolean => {
  switch (step) {
    case 'assign':
      return review.status === 'open';
    case 'evaluate':
      return review.status === 'open' || review.status === 'assigned';
    case 'citizenAnswer':
      return review.status === 'awaiting-citizen';
    case 'notifyResolution':
      return review.status === 'resolved' && review.issued === null;
    default: {
      const unknown: never = step;
      return unknown;
    }
  }
};

/** The deadline worker may fire twice or late: a repeat records nothing, a stale timer is refused. */
export const recordDeadlineExpired = (
  { data, metadata }: RecordDeadlineExpired,
  state: CaseReview,
): CaseReviewEvent[] => {
  const review = requireReview(state, data.caseId);
  const { step } = data;
  const dueOn = assertIsoDate(data.dueOn, 'dueOn');
  if (review.expiredDeadlines.some((expired) => expired.step === step && expired.dueOn === dueOn)) return [];
  if (!REVIEW_STEPS.includes(step) || !stepIsRunning(review, step)) {
    throw new IllegalState('DEADLINE_NOT_RUNNING', `The ${String(step)} step is not running for this case.`, {
      caseId: review.caseId,
      step: String(step),
      status: review.status,
    });
  }
  if (review.status === 'awaiting-citizen' && review.request.dueOn !== dueOn) {
    throw new IllegalState('STALE_DEADLINE', "This deadline is not the current request's.", {
      caseId: review.caseId,
      dueOn,
      currentDueOn: review.request.dueOn,
    });
  }
  if (!deadlineHasPassed(dueOn, metadata.now)) {
    throw new IllegalState('NOT_YET_DUE', `The ${step} step is due on ${dueOn}; it has not expired yet.`, {
      caseId: review.caseId,
      step,
      dueOn,
    });
  }
  return [
    {
      type: 'DeadlineExpired',
      data: { caseId: review.caseId, step, dueOn, recordedAt: metadata.now.toISOString() },
    },
  ];
};
