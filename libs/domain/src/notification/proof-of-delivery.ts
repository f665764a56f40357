/**
 * The facts the sealed "evidence of the notification process" PDF states: what was notified, to
 * whom, and every transition with its time and who acted for whom. Built from the events rather
 * than the state because every access counts as evidence, not just the first.
 */
import { NotFound } from '../shared/domain-error';
import type {
  NotificationActorRecord,
  NotificationEvent,
  NotificationMadeAvailable,
} from './notification.events';

export type DeliveryOutcome = 'pending' | 'accepted' | 'rejected' | 'deemed-rejected';

export type DeliveryTransition =
  | { readonly kind: 'made-available'; readonly at: string }
  | ({ readonly kind: 'accessed' | 'accepted'; readonly at: string } & NotificationActorRecord)
  | ({ readonly kind: 'rejected'; readonly at: string; readonly reason?: string } & NotificationActorRecord)
  | { readonly kind: 'deemed-rejected'; readonly at: string; readonly recordedAt: string };

export interface ProofOfDelivery {
  readonly notice: NotificationMadeAvailable['data'];
  readonly outcome: DeliveryOutcome;
  /** When the notification took effect (first access, art. 43.2) or was deemed rejected; null while pending. */
  readonly effectiveAt: string | null;
  readonly transitions: readonly DeliveryTransition[];
}

const transitionOf = (event: NotificationEvent): DeliveryTransition => {
  switch (event.type) {
    case 'NotificationMadeAvailable':
      return { kind: 'made-available', at: event.data.madeAvailableAt };
    case 'NotificationAccessed': {
      const { notificationId: _id, accessedAt, ...record } = event.data;
      return { kind: 'accessed', at: accessedAt, ...record };
    }
    case 'NotificationAccepted': {
      const { notificationId: _id, acceptedAt, ...record } = event.data;
      return { kind: 'accepted', at: acceptedAt, ...record };
    }
    case 'NotificationRejected': {
      const { notificationId: _id, rejectedAt, ...record } = event.data;
      return { kind: 'rejected', at: rejectedAt, ...record };
    }
    case 'NotificationDeemedRejected':
      return { kind: 'deemed-rejected', at: event.data.deemedRejectedAt, recordedAt: event.data.recordedAt };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

const OUTCOMES: Readonly<Partial<Record<DeliveryTransition['kind'], DeliveryOutcome>>> = {
  accepted: 'accepted',
  rejected: 'rejected',
  'deemed-rejected': 'deemed-rejected',
};

export const proofOfDelivery = (events: readonly NotificationEvent[]): ProofOfDelivery => {
  const [first] = events;
  if (first?.type !== 'NotificationMadeAvailable') {
    throw new NotFound('NOTIFICATION_NOT_FOUND', 'There is no notification in these events.', {});
  }
  const transitions = events.map(transitionOf);
  const outcome = transitions.reduce<DeliveryOutcome>(
    (current, { kind }) => OUTCOMES[kind] ?? current,
    'pending',
  );
  const effective = transitions.find(({ kind }) => kind === 'accessed' || kind === 'deemed-rejected');
  return { notice: first.data, outcome, effectiveAt: effective?.at ?? null, transitions };
};
