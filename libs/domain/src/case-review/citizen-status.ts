/**
 * What the citizen reads of their case once the unit has it: the review's own state (its
 * `evolve`) and the resolution's notification (the notification's `evolve`), folded side by
 * side, so the citizen's status and the staff's are read off the same state and never drift.
 * Never the reviewer: only the unit the case is with.
 */
import type { IsoDate } from '../shared/calendar';
import type { NotificationEvent } from '../notification/notification.events';
import {
  evolve as evolveNotification,
  initialState as initialNotification,
  type Notification,
} from '../notification/notification.decider';
import type { CaseReviewEvent, ResolutionOutcome } from './case-review.events';
import { evolve as evolveReview, initialState as initialReview, type CaseReview } from './case-review.state';

export interface CitizenCase {
  readonly review: CaseReview;
  /** The notification of the case's resolution, the latest one made available. */
  readonly notification: Notification;
  /** Set when the citizen answered the last information request; the review itself forgets it. */
  readonly answeredAt: string | null;
}

export type CitizenStatus =
  | 'routed'
  | 'assigned'
  | 'information-requested'
  | 'information-provided'
  | 'evaluated'
  | 'resolved'
  | 'notification-available'
  | 'notification-accepted'
  | 'notification-rejected'
  | 'notification-deemed-rejected'
  | 'closed'
  | 'withdrawn';

/** What the citizen must do next, and by when. */
export type CitizenTask =
  | { readonly kind: 'answer-information-request'; readonly requested: string; readonly dueOn: IsoDate }
  | {
      readonly kind: 'open-notification';
      readonly notificationId: string;
      readonly lastDayToAccess: IsoDate;
      readonly deemedRejectedAt: string;
    }
  | { readonly kind: 'answer-notification'; readonly notificationId: string };

export interface CitizenView {
  readonly status: CitizenStatus;
  readonly informationRequest: { readonly requested: string; readonly dueOn: IsoDate } | null;
  readonly outcome: ResolutionOutcome | null;
  readonly notification: {
    readonly notificationId: string;
    readonly status: Exclude<Notification['status'], 'none'>;
    readonly lastDayToAccess: IsoDate;
    readonly deemedRejectedAt: string;
  } | null;
  readonly todo: readonly CitizenTask[];
}

export const initialCitizenCase = (): CitizenCase => ({
  review: initialReview(),
  notification: initialNotification(),
  answeredAt: null,
});

const NOTIFICATION_EVENTS: readonly NotificationEvent['type'][] = [
  'NotificationMadeAvailable',
  'NotificationAccessed',
  'NotificationAccepted',
  'NotificationRejected',
  'NotificationDeemedRejected',
];

const isReviewEvent = (event: CaseReviewEvent | NotificationEvent): event is CaseReviewEvent =>
  !NOTIFICATION_EVENTS.some((type) => type === event.type);

const notificationIdOf = (notification: Notification): string | null =>
  notification.status === 'none' ? null : notification.notice.notificationId;

export const evolveCitizenCase = (
  state: CitizenCase,
  event: CaseReviewEvent | NotificationEvent,
): CitizenCase => {
  if (isReviewEvent(event)) {
    const review = evolveReview(state.review, event);
    const answeredAt =
      event.type === 'InformationProvided' && state.review.status === 'awaiting-citizen'
        ? event.data.providedAt
        : event.type === 'InformationRequested'
          ? null
          : state.answeredAt;
    return { ...state, review, answeredAt };
  }
  // A new notification of the case replaces the last one; another notification's steps are not this case's.
  if (event.type === 'NotificationMadeAvailable') {
    return { ...state, notification: evolveNotification(initialNotification(), event) };
  }
  return event.data.notificationId === notificationIdOf(state.notification)
    ? { ...state, notification: evolveNotification(state.notification, event) }
    : state;
};

const NOTIFICATION_STATUS = {
  available: 'notification-available',
  accessed: 'notification-available',
  accepted: 'notification-accepted',
  rejected: 'notification-rejected',
  'deemed-rejected': 'notification-deemed-rejected',
} as const satisfies Record<Exclude<Notification['status'], 'none'>, CitizenStatus>;

const statusOf = ({ review, notification, answeredAt }: CitizenCase): CitizenStatus | null => {
  switch (review.status) {
    case 'none':
      return null;
    case 'open':
      return 'routed';
    case 'assigned':
      return answeredAt === null ? 'assigned' : 'information-provided';
    case 'awaiting-citizen':
      return 'information-requested';
    case 'evaluated':
      return 'evaluated';
    case 'resolved':
      return notification.status === 'none' ? 'resolved' : NOTIFICATION_STATUS[notification.status];
    case 'closed':
      return 'closed';
    case 'withdrawn':
      return 'withdrawn';
    default: {
      const unknown: never = review;
      return unknown;
    }
  }
};

const todoOf = ({ review, notification }: CitizenCase): CitizenTask[] => {
  if (review.status === 'awaiting-citizen') {
    const { requested, dueOn } = review.request;
    return [{ kind: 'answer-information-request', requested, dueOn }];
  }
  if (review.status !== 'resolved') return [];
  switch (notification.status) {
    case 'available': {
      const { notificationId, lastDayToAccess, deemedRejectedAt } = notification.notice;
      return [{ kind: 'open-notification', notificationId, lastDayToAccess, deemedRejectedAt }];
    }
    case 'accessed':
      return [{ kind: 'answer-notification', notificationId: notification.notice.notificationId }];
    case 'none':
    case 'accepted':
    case 'rejected':
    case 'deemed-rejected':
      return [];
    default: {
      const unknown: never = notification;
      return unknown;
    }
  }
};

/** Null while the case has no review: its filing says where it stands. */
export const citizenViewOf = (state: CitizenCase): CitizenView | null => {
  const status = statusOf(state);
  if (status === null) return null;
  const { review, notification } = state;
  const resolved = review.status === 'resolved' || review.status === 'closed';
  return {
    status,
    informationRequest:
      review.status === 'awaiting-citizen'
        ? { requested: review.request.requested, dueOn: review.request.dueOn }
        : null,
    outcome: resolved ? review.resolution.outcome : null,
    notification:
      notification.status === 'none'
        ? null
        : {
            notificationId: notification.notice.notificationId,
            status: notification.status,
            lastDayToAccess: notification.notice.lastDayToAccess,
            deemedRejectedAt: notification.notice.deemedRejectedAt,
          },
    todo: todoOf(state),
  };
};
