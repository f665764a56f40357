import type { Event } from '../shared/decider';
import type { IsoDate } from '../shared/calendar';
import type { LevelOfAssurance } from '../shared/command-metadata';

/** Why the person who acted could act for the addressee: kept as proof of delivery. */
export type NotificationActorBasis =
  { readonly kind: 'own-name' } | { readonly kind: 'power-of-attorney'; readonly powerId: string };

/** Who acted on the notification, how they logged in and for whom (proof of delivery). */
export interface NotificationActorRecord {
  readonly actedBy: string;
  readonly onBehalfOf: string;
  readonly basis: NotificationActorBasis;
  readonly levelOfAssurance: LevelOfAssurance;
}

export type NotificationMadeAvailable = Event<
  'NotificationMadeAvailable',
  {
    notificationId: string;
    addressee: string;
    /** What it notifies, e.g. 'Resolution of case 2026/000123'. */
    subject: string;
    caseId?: string;
    /** sha-256 of the notified document in blob storage. */
    documentHash: string;
    /** Health or other special-category data: opens only with a certificate or Cl@ve permanente. */
    specialCategory: boolean;
    madeAvailableAt: string;
    /** The tenth calendar day after availability (Madrid): the last day to access it. */
    lastDayToAccess: IsoDate;
    /** When that day ends: from then on an unaccessed notification is deemed rejected. */
    deemedRejectedAt: string;
  }
>;

export type NotificationAccessed = Event<
  'NotificationAccessed',
  NotificationActorRecord & { notificationId: string; accessedAt: string }
>;

export type NotificationAccepted = Event<
  'NotificationAccepted',
  NotificationActorRecord & { notificationId: string; acceptedAt: string }
>;

export type NotificationRejected = Event<
  'NotificationRejected',
  NotificationActorRecord & { notificationId: string; rejectedAt: string; reason?: string }
>;

/** `deemedRejectedAt` is when the law deems it rejected; `recordedAt` when the system noted it. */
export type NotificationDeemedRejected = Event<
  'NotificationDeemedRejected',
  { notificationId: string; deemedRejectedAt: string; recordedAt: string }
>;

export type NotificationEvent =
  | NotificationMadeAvailable
  | NotificationAccessed
  | NotificationAccepted
  | NotificationRejected
  | NotificationDeemedRejected;
