/**
 * The review's state, keyed by status: open → assigned ⇄ awaiting-citizen → evaluated →
 * resolved → closed, or withdrawn by the citizen before resolution.
 */
import type { IsoDate } from '../shared/calendar';
import type { CaseReviewEvent, ResolutionOutcome, ReviewOpened, ReviewStep } from './case-review.events';

export type ReviewFile = Omit<ReviewOpened['data'], 'openedAt'> & {
  readonly expiredDeadlines: readonly { readonly step: ReviewStep; readonly dueOn: IsoDate }[];
};

interface Assigned extends ReviewFile {
  readonly reviewerId: string;
}

export interface InformationRequest {
  readonly requested: string;
  readonly dueOn: IsoDate;
  readonly requestedAt: string;
}

export interface Resolution {
  readonly outcome: ResolutionOutcome;
  readonly grounds: string;
  readonly legalBasis: string;
  readonly resolvedAt: string;
}

export interface IssuedResolution {
  readonly documentHash: string;
  readonly issuedAt: string;
}

export type CaseReview =
  | { readonly status: 'none' }
  | (ReviewFile & { readonly status: 'open' })
  | (Assigned & { readonly status: 'assigned' })
  | (Assigned & { readonly status: 'awaiting-citizen'; readonly request: InformationRequest })
  | (Assigned & { readonly status: 'evaluated'; readonly findings: string })
  | (Assigned & {
      readonly status: 'resolved';
      readonly resolution: Resolution;
      readonly issued: IssuedResolution | null;
    })
  | (Assigned & {
      readonly status: 'closed';
      readonly resolution: Resolution;
      readonly issued: IssuedResolution;
      readonly closedAt: string;
    })
  | (ReviewFile & {
      readonly status: 'withdrawn';
      readonly reviewerId: string | null;
      readonly withdrawnAt: string;
    });

export type ExistingReview = Exclude<CaseReview, { status: 'none' }>;
export type UnresolvedReview = Extract<
  CaseReview,
  { status: 'open' | 'assigned' | 'awaiting-citizen' | 'evaluated' }
>;

export const initialState = (): CaseReview => ({ status: 'none' });

/** When the unit resolved the case, or null: what a withdrawal of the filing must know. */
export const resolvedAtOf = (review: CaseReview): string | null =>
  review.status === 'resolved' || review.status === 'closed' ? review.resolution.resolvedAt : null;

const reviewerOf = (state: CaseReview): string | null => ('reviewerId' in state ? state.reviewerId : null);

export const evolve = (state: CaseReview, event: CaseReviewEvent): CaseReview => {
  switch (event.type) {
    case 'ReviewOpened': {
      const { openedAt: _openedAt, ...file } = event.data;
      return { status: 'open', ...file, expiredDeadlines: [] };
    }
    case 'ReviewerAssigned':
      switch (state.status) {
        case 'open':
          return { ...state, status: 'assigned', reviewerId: event.data.reviewerId };
        case 'assigned':
        case 'awaiting-citizen':
        case 'evaluated':
          return { ...state, reviewerId: event.data.reviewerId };
        default:
          return state;
      }
    case 'InformationRequested': {
      if (state.status !== 'assigned') return state;
      const { requested, dueOn, requestedAt } = event.data;
      return { ...state, status: 'awaiting-citizen', request: { requested, dueOn, requestedAt } };
    }
    case 'InformationProvided': {
      if (state.status !== 'awaiting-citizen') return state;
      const { request: _answered, ...rest } = state;
      return { ...rest, status: 'assigned' };
    }
    case 'CaseEvaluated':
      return state.status === 'assigned'
        ? { ...state, status: 'evaluated', findings: event.data.findings }
        : state;
    case 'CaseResolved': {
      if (state.status !== 'evaluated') return state;
      const { outcome, grounds, legalBasis, resolvedAt } = event.data;
      return {
        ...state,
        status: 'resolved',
        resolution: { outcome, grounds, legalBasis, resolvedAt },
        issued: null,
      };
    }
    case 'ResolutionIssued': {
      if (state.status !== 'resolved') return state;
      const { documentHash, issuedAt } = event.data;
      return { ...state, issued: { documentHash, issuedAt } };
    }
    case 'CaseClosed':
      return state.status === 'resolved' && state.issued
        ? { ...state, status: 'closed', issued: state.issued, closedAt: event.data.closedAt }
        : state;
    case 'ReviewWithdrawn':
      return state.status === 'none'
        ? state
        : {
            ...state,
            status: 'withdrawn',
            reviewerId: reviewerOf(state),
            withdrawnAt: event.data.withdrawnAt,
          };
    case 'DeadlineExpired': {
      if (state.status === 'none') return state;
      const { step, dueOn } = event.data;
      const recorded = { ...state, expiredDeadlines: [...state.expiredDeadlines, { step, dueOn }] };
      // The citizen's time is over: the review goes on without the answer (Law 39/2015 art. 73.3).
      if (recorded.status === 'awaiting-citizen' && step === 'citizenAnswer') {
        const { request: _unanswered, ...rest } = recorded;
        return { ...rest, status: 'assigned' };
      }
      return recorded;
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
