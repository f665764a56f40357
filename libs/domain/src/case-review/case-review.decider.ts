import { assertIsoDate, isAfter, madridDateOf } from '../shared/calendar';
import type { Decider } from '../shared/decider';
import { Conflict, Forbidden, IllegalState, ValidationError, unknownCommand } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import {
  claveMovilActsOnlyInOwnName,
  documentMayBeAttached,
  filingMustBeSigned,
} from '../filing/filing.rules';
import type {
  AssignReviewer,
  CaseReviewCommand,
  EvaluateCase,
  ProvideInformation,
  RequestInformation,
  ResolveCase,
  WithdrawReview,
} from './case-review.commands';
import {
  RESOLUTION_OUTCOMES,
  type CaseReviewEvent,
  type ProvidedAttachment,
  type ProvidedAttachmentKind,
} from './case-review.events';
import {
  actorMustBeAssignedReviewer,
  actorMustBeParty,
  actorMustBeUnitStaff,
  isSupervisor,
  requireReview,
  requireStatus,
  requireUnresolved,
  textMustBeGiven,
} from './case-review.rules';
import { evolve, initialState, type CaseReview } from './case-review.state';
import {
  closeCase,
  openReview,
  recordDeadlineExpired,
  recordFilingWithdrawn,
  recordResolutionIssued,
} from './case-review.system';

const PROVIDED_KINDS: readonly ProvidedAttachmentKind[] = ['medical-report', 'supporting-document', 'other'];

/** Supervisors assign and reassign within their unit; a reviewer may only take an unassigned case. */
export const assignReviewer = ({ data, metadata }: AssignReviewer, state: CaseReview): CaseReviewEvent[] => {
  const { actor } = metadata;
  const existing = requireReview(state, data.caseId);
  actorMustBeUnitStaff(actor, existing);
  const review = requireUnresolved(existing);
  const reviewerId = normaliseIdentityNumber(data.reviewer.id);
  if (data.reviewer.unit !== review.unit.id) {
    throw new Forbidden('WRONG_UNIT', `The reviewer does not work for ${review.unit.name}.`, {
      caseId: review.caseId,
      caseUnit: review.unit.id,
      reviewerUnit: data.reviewer.unit,
    });
  }
  const previousReviewerId = review.status === 'open' ? null : review.reviewerId;
  if (!isSupervisor(actor)) {
    if (reviewerId !== normaliseIdentityNumber(actor.id)) {
      throw new Forbidden(
        'ONLY_SUPERVISOR_MAY_ASSIGN',
        'Only a supervisor may assign a case to someone else.',
        {
          caseId: review.caseId,
        },
      );
    }
    if (previousReviewerId !== null) {
      throw new IllegalState(
        'CASE_ALREADY_ASSIGNED',
        'This case is already assigned; ask a supervisor to reassign it.',
        {
          caseId: review.caseId,
        },
      );
    }
  }
  if (previousReviewerId === reviewerId) {
    throw new Conflict('ALREADY_ASSIGNED_TO_REVIEWER', 'The case is already assigned to this reviewer.', {
      caseId: review.caseId,
      reviewerId,
    });
  }
  const reason =
    previousReviewerId === null
      ? data.reason?.trim() || undefined
      : textMustBeGiven(data.reason, 'REASSIGNMENT_REASON_REQUIRED', 'Say why the case is being reassigned.');
  return [
    {
      type: 'ReviewerAssigned',
      data: {
        caseId: review.caseId,
        reviewerId,
        previousReviewerId,
        assignedBy: normaliseIdentityNumber(actor.id),
        assignedAt: metadata.now.toISOString(),
        ...(reason === undefined ? {} : { reason }),
      },
    },
  ];
};

/** The reviewer's active work (request, evaluate, resolve) needs the case assigned to them, in `status`. */
const reviewersCase = <Status extends 'assigned' | 'evaluated'>(
  { actor }: { actor: Parameters<typeof actorMustBeUnitStaff>[0] },
  state: CaseReview,
  caseId: string,
  status: Status,
) => {
  const existing = requireReview(state, caseId);
  actorMustBeUnitStaff(actor, existing);
  const review = requireStatus(requireUnresolved(existing), status);
  actorMustBeAssignedReviewer(actor, review);
  return review;
};

export const requestInformation = (
  { data, metadata }: RequestInformation,
  state: CaseReview,
): CaseReviewEvent[] => {
  const review = reviewersCase(metadata, state, data.caseId, 'assigned');
  const requested = textMustBeGiven(
    data.requested,
    'INFORMATION_REQUEST_REQUIRED',
    'Say what information the citizen must provide.',
  );
  const dueOn = assertIsoDate(data.dueOn, 'dueOn');
  const today = madridDateOf(metadata.now);
  if (!isAfter(dueOn, today)) {
    throw new ValidationError('INVALID_DUE_DATE', 'The citizen must be given until a later day to answer.', {
      dueOn,
      today,
    });
  }
  return [
    {
      type: 'InformationRequested',
      data: {
        caseId: review.caseId,
        requestedBy: review.reviewerId,
        requested,
        dueOn,
        requestedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const provideInformation = (
  { data, metadata }: ProvideInformation,
  state: CaseReview,
): CaseReviewEvent[] => {
  const { actor } = metadata;
  const existing = requireReview(state, data.caseId);
  const providedBy = actorMustBeParty(actor, existing);
  const review = requireUnresolved(existing);
  if (review.status !== 'awaiting-citizen') {
    throw new IllegalState('NOT_AWAITING_INFORMATION', 'No information has been requested for this case.', {
      caseId: review.caseId,
    });
  }
  claveMovilActsOnlyInOwnName(actor, review.subject);
  filingMustBeSigned(actor.levelOfAssurance, data.otpVerified);
  // Each answer is a filing of its own, with the same 10 MB limit as the original filing.
  const attachments = data.attachments.reduce<ProvidedAttachment[]>(
    (accepted, attachment) => [...accepted, documentMayBeAttached(accepted, attachment, PROVIDED_KINDS)],
    [],
  );
  const statement = data.statement?.trim() || undefined;
  if (statement === undefined && attachments.length === 0) {
    throw new ValidationError('INFORMATION_REQUIRED', 'Write an answer or attach at least one document.', {
      caseId: review.caseId,
    });
  }
  return [
    {
      type: 'InformationProvided',
      data: {
        caseId: review.caseId,
        providedBy,
        ...(statement === undefined ? {} : { statement }),
        attachments,
        signedWith: actor.levelOfAssurance,
        providedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const evaluateCase = ({ data, metadata }: EvaluateCase, state: CaseReview): CaseReviewEvent[] => {
  const review = reviewersCase(metadata, state, data.caseId, 'assigned');
  const findings = textMustBeGiven(
    data.findings,
    'FINDINGS_REQUIRED',
    'Write the findings of the evaluation.',
  );
  return [
    {
      type: 'CaseEvaluated',
      data: {
        caseId: review.caseId,
        evaluatedBy: review.reviewerId,
        findings,
        evaluatedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const resolveCase = ({ data, metadata }: ResolveCase, state: CaseReview): CaseReviewEvent[] => {
  const review = reviewersCase(metadata, state, data.caseId, 'evaluated');
  if (!RESOLUTION_OUTCOMES.includes(data.outcome)) {
    throw new ValidationError('INVALID_OUTCOME', 'A resolution grants, partially grants or denies.', {
      outcome: String(data.outcome),
      allowed: RESOLUTION_OUTCOMES,
    });
  }
  const grounds = textMustBeGiven(data.grounds, 'GROUNDS_REQUIRED', 'A resolution must state its grounds.');
  const legalBasis = textMustBeGiven(
    data.legalBasis,
    'LEGAL_BASIS_REQUIRED',
    'A resolution must cite its legal basis.',
  );
  return [
    {
      type: 'CaseResolved',
      data: {
        caseId: review.caseId,
        resolvedBy: review.reviewerId,
        outcome: data.outcome,
        grounds,
        legalBasis,
        resolvedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const withdrawReview = ({ data, metadata }: WithdrawReview, state: CaseReview): CaseReviewEvent[] => {
  const existing = requireReview(state, data.caseId);
  const withdrawnBy = actorMustBeParty(metadata.actor, existing);
  requireUnresolved(existing);
  const reason = data.reason?.trim() || undefined;
  return [
    {
      type: 'ReviewWithdrawn',
      data: {
        caseId: existing.caseId,
        withdrawnBy,
        withdrawnAt: metadata.now.toISOString(),
        ...(reason === undefined ? {} : { reason }),
      },
    },
  ];
};

export const decide = (command: CaseReviewCommand, state: CaseReview): CaseReviewEvent[] => {
  switch (command.type) {
    case 'OpenReview':
      return openReview(command, state);
    case 'AssignReviewer':
      return assignReviewer(command, state);
    case 'RequestInformation':
      return requestInformation(command, state);
    case 'ProvideInformation':
      return provideInformation(command, state);
    case 'EvaluateCase':
      return evaluateCase(command, state);
    case 'ResolveCase':
      return resolveCase(command, state);
    case 'WithdrawReview':
      return withdrawReview(command, state);
    case 'RecordFilingWithdrawn':
      return recordFilingWithdrawn(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'RecordDeadlineExpired':
      return recordDeadlineExpired(command, state);
    case 'RecordResolutionIssued':
      return recordResolutionIssued(command, state);
    default: {
      const unknown: never = command;
      throw unknownCommand(unknown);
    }
  }
};

export const caseReviewDecider: Decider<CaseReviewCommand, CaseReviewEvent, CaseReview> = {
  initialState,
  evolve,
  decide,
};
