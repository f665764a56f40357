import type { Decider } from '../shared/decider';
import { Conflict, IllegalState, NotFound, ValidationError, unknownCommand } from '../shared/domain-error';
import { parseIdentityNumber } from '../reference/identity-number';
import type {
  AcceptNotification,
  AccessNotification,
  DeemNotificationRejected,
  MakeNotificationAvailable,
  NotificationCommand,
  RejectNotification,
} from './notification.commands';
import type { NotificationEvent, NotificationMadeAvailable } from './notification.events';
import {
  actorMayActOnNotification,
  answerMustBeSigned,
  deemedRejectionOf,
  documentHashMustBeSha256,
} from './notification.rules';

export type Notice = NotificationMadeAvailable['data'];

interface Opened {
  readonly notice: Notice;
  readonly accessedAt: string;
  /** Everyone who opened it themselves: the document is theirs to read only after their own access is on record. */
  readonly openedBy: readonly string[];
}

export type Notification =
  | { readonly status: 'none' }
  | { readonly status: 'available'; readonly notice: Notice }
  | ({ readonly status: 'accessed' } & Opened)
  | ({ readonly status: 'accepted' | 'rejected'; readonly answeredAt: string } & Opened)
  | { readonly status: 'deemed-rejected'; readonly notice: Notice; readonly deemedRejectedAt: string };

export const initialState = (): Notification => ({ status: 'none' });

export const evolve = (state: Notification, event: NotificationEvent): Notification => {
  switch (event.type) {
    case 'NotificationMadeAvailable':
      return { status: 'available', notice: event.data };
    case 'NotificationAccessed':
      // Later accesses are proof of delivery only; the first one is what stops the clock.
      if (state.status === 'available') {
        return {
          status: 'accessed',
          notice: state.notice,
          accessedAt: event.data.accessedAt,
          openedBy: [event.data.actedBy],
        };
      }
      return 'openedBy' in state && !state.openedBy.includes(event.data.actedBy)
        ? { ...state, openedBy: [...state.openedBy, event.data.actedBy] }
        : state;
    case 'NotificationAccepted':
      return state.status === 'accessed'
        ? { ...state, status: 'accepted', answeredAt: event.data.acceptedAt }
        : state;
    case 'NotificationRejected':
      return state.status === 'accessed'
        ? { ...state, status: 'rejected', answeredAt: event.data.rejectedAt }
        : state;
    case 'NotificationDeemedRejected':
      return state.status === 'available'
        ? { status: 'deemed-rejected', notice: state.notice, deemedRejectedAt: event.data.deemedRejectedAt }
        : state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

const notFound = (notificationId: string) =>
  new NotFound('NOTIFICATION_NOT_FOUND', `There is no notification ${notificationId}.`, { notificationId });

const deemedRejected = (notice: Notice) =>
  new IllegalState(
    'NOTIFICATION_DEEMED_REJECTED',
    'This notification was not accessed within ten calendar days and is deemed rejected (Law 39/2015 art. 43.2).',
    { notificationId: notice.notificationId, deemedRejectedAt: notice.deemedRejectedAt },
  );

const isPastDeadline = (notice: Notice, now: Date): boolean =>
  now.getTime() >= Date.parse(notice.deemedRejectedAt);

/**
 * A notification never accessed is deemed rejected the moment its tenth day ends, whether or
 * not the worker has recorded it yet, so nothing may open or answer it after that instant.
 */
const requireLive = (state: Notification, notificationId: string, now: Date) => {
  if (state.status === 'none') throw notFound(notificationId);
  if (state.status === 'deemed-rejected') throw deemedRejected(state.notice);
  if (state.status === 'available' && isPastDeadline(state.notice, now)) throw deemedRejected(state.notice);
  return state;
};

export const makeNotificationAvailable = (
  { data, metadata }: MakeNotificationAvailable,
  state: Notification,
): NotificationEvent[] => {
  if (state.status !== 'none') {
    throw new Conflict('NOTIFICATION_ALREADY_EXISTS', `Notification ${data.notificationId} already exists.`, {
      notificationId: data.notificationId,
    });
  }
  const addressee = parseIdentityNumber(data.addressee, 'addressee').value;
  const subject = data.subject.trim();
  if (subject === '') {
    throw new ValidationError('NOTIFICATION_SUBJECT_REQUIRED', 'Say what the notification notifies.', {});
  }
  return [
    {
      type: 'NotificationMadeAvailable',
      data: {
        notificationId: data.notificationId,
        addressee,
        subject,
        ...(data.caseId === undefined ? {} : { caseId: data.caseId }),
        documentHash: documentHashMustBeSha256(data.documentHash),
        specialCategory: data.specialCategory,
        madeAvailableAt: metadata.now.toISOString(),
        ...deemedRejectionOf(metadata.now),
      },
    },
  ];
};

export const accessNotification = (
  { data, metadata }: AccessNotification,
  state: Notification,
): NotificationEvent[] => {
  const { notice } = requireLive(state, data.notificationId, metadata.now);
  const record = actorMayActOnNotification(metadata.actor, {
    ...notice,
    powersOfAttorney: data.powersOfAttorney,
    on: metadata.now,
  });
  return [
    {
      type: 'NotificationAccessed',
      data: { notificationId: notice.notificationId, ...record, accessedAt: metadata.now.toISOString() },
    },
  ];
};

/** Accepting or rejecting answers the notification once, after it was opened. */
const requireAnswerable = (state: Notification, notificationId: string, now: Date) => {
  const live = requireLive(state, notificationId, now);
  switch (live.status) {
    case 'available':
      throw new IllegalState(
        'NOTIFICATION_NOT_ACCESSED',
        'Open the notification before accepting or rejecting it.',
        {
          notificationId,
        },
      );
    case 'accepted':
    case 'rejected':
      throw new IllegalState(
        'NOTIFICATION_ALREADY_ANSWERED',
        `This notification was already ${live.status}.`,
        {
          notificationId,
          answer: live.status,
          answeredAt: live.answeredAt,
        },
      );
    case 'accessed':
      return live;
    default: {
      const unknown: never = live;
      return unknown;
    }
  }
};

const answer = ({ data, metadata }: AcceptNotification | RejectNotification, state: Notification) => {
  const { notice } = requireAnswerable(state, data.notificationId, metadata.now);
  const record = actorMayActOnNotification(metadata.actor, {
    ...notice,
    powersOfAttorney: data.powersOfAttorney,
    on: metadata.now,
  });
  answerMustBeSigned(metadata.actor.levelOfAssurance, data.otpVerified);
  return { notificationId: notice.notificationId, ...record };
};

export const acceptNotification = (command: AcceptNotification, state: Notification): NotificationEvent[] => [
  {
    type: 'NotificationAccepted',
    data: { ...answer(command, state), acceptedAt: command.metadata.now.toISOString() },
  },
];

export const rejectNotification = (command: RejectNotification, state: Notification): NotificationEvent[] => {
  const reason = command.data.reason?.trim();
  return [
    {
      type: 'NotificationRejected',
      data: {
        ...answer(command, state),
        rejectedAt: command.metadata.now.toISOString(),
        ...(reason ? { reason } : {}),
      },
    },
  ];
};

export const deemNotificationRejected = (
  { data, metadata }: DeemNotificationRejected,
  state: Notification,
): NotificationEvent[] => {
  switch (state.status) {
    case 'none':
      throw notFound(data.notificationId);
    case 'deemed-rejected':
      throw deemedRejected(state.notice);
    case 'accessed':
    case 'accepted':
    case 'rejected':
      throw new IllegalState(
        'ALREADY_ACCESSED',
        'This notification was accessed, so it cannot be deemed rejected.',
        {
          notificationId: data.notificationId,
          accessedAt: state.accessedAt,
        },
      );
    case 'available':
      if (!isPastDeadline(state.notice, metadata.now)) {
        throw new IllegalState(
          'NOT_YET_DUE',
          'The ten calendar days to access this notification have not passed.',
          {
            notificationId: data.notificationId,
            deemedRejectedAt: state.notice.deemedRejectedAt,
          },
        );
      }
      return [
        {
          type: 'NotificationDeemedRejected',
          data: {
            notificationId: data.notificationId,
            deemedRejectedAt: state.notice.deemedRejectedAt,
            recordedAt: metadata.now.toISOString(),
          },
        },
      ];
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
};

export const decide = (command: NotificationCommand, state: Notification): NotificationEvent[] => {
  switch (command.type) {
    case 'MakeNotificationAvailable':
      return makeNotificationAvailable(command, state);
    case 'AccessNotification':
      return accessNotification(command, state);
    case 'AcceptNotification':
      return acceptNotification(command, state);
    case 'RejectNotification':
      return rejectNotification(command, state);
    case 'DeemNotificationRejected':
      return deemNotificationRejected(command, state);
    default: {
      const unknown: never = command;
      throw unknownCommand(unknown);
    }
  }
};

export const notificationDecider: Decider<NotificationCommand, NotificationEvent, Notification> = {
  initialState,
  evolve,
  decide,
};
