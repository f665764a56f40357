/**
 * Every event Expediente stores, as one union: what the worker's routes and reactions and
 * every projection switch on. The envelope type says what a stored event carries around it.
 */
import type { AlertEvent } from './alert/alert.events';
import type { CaseAccessEvent } from './case-access/case-access.events';
import type { CaseReviewEvent } from './case-review/case-review.events';
import type { EntitlementApplicationEvent } from './entitlement-application/entitlement-application.events';
import type { MedicalReportSubmissionEvent } from './medical-report-submission/medical-report-submission.events';
import type { NotificationEvent } from './notification/notification.events';
import type { PowerOfAttorneyEvent } from './power-of-attorney/power-of-attorney.events';
import type { PaperPostEvent } from './paper-post/paper-post.events';
import type { NotificationPreferencesEvent } from './notification-preferences/notification-preferences.events';
import type { ProofOfReceiptEvent } from './proof-of-receipt/proof-of-receipt.events';

export type ExpedienteEvent =
  | MedicalReportSubmissionEvent
  | EntitlementApplicationEvent
  | ProofOfReceiptEvent
  | CaseReviewEvent
  | NotificationEvent
  | PowerOfAttorneyEvent
  | PaperPostEvent
  | AlertEvent
  | CaseAccessEvent
  | NotificationPreferencesEvent;

export type ExpedienteEventType = ExpedienteEvent['type'];
export type EventOfType<Type extends ExpedienteEventType> = Extract<ExpedienteEvent, { type: Type }>;

/** A record over the union: a type missing here, or one the union does not know, fails to compile. */
const KNOWN: Readonly<Record<ExpedienteEventType, true>> = {
  ReportDraftCreated: true,
  ReportDraftUpdated: true,
  ReportDocumentAttached: true,
  ReportDocumentRemoved: true,
  ReportsSubmitted: true,
  ReportsWithdrawn: true,
  EntitlementDraftCreated: true,
  EntitlementDraftUpdated: true,
  EntitlementDocumentAttached: true,
  EntitlementDocumentRemoved: true,
  EntitlementApplicationSubmitted: true,
  EntitlementApplicationWithdrawn: true,
  CaseRoutedToUnit: true,
  ProofOfReceiptIssued: true,
  ReviewOpened: true,
  ReviewerAssigned: true,
  InformationRequested: true,
  InformationProvided: true,
  CaseEvaluated: true,
  CaseResolved: true,
  ReviewWithdrawn: true,
  ResolutionIssued: true,
  CaseClosed: true,
  PaperCopyPosted: true,
  DeadlineExpired: true,
  NotificationMadeAvailable: true,
  NotificationAccessed: true,
  NotificationAccepted: true,
  NotificationRejected: true,
  NotificationDeemedRejected: true,
  PowerGranted: true,
  PowerAccepted: true,
  PowerRevoked: true,
  AlertSent: true,
  AlertFailed: true,
  DocumentRead: true,
  PaperCopiesDeclined: true,
  PaperCopiesResumed: true,
};

export const EXPEDIENTE_EVENT_TYPES = Object.keys(KNOWN) as readonly ExpedienteEventType[];

export const isExpedienteEventType = (type: string): type is ExpedienteEventType =>
  Object.prototype.hasOwnProperty.call(KNOWN, type);

/** Who did it and why, as the one write path records it from the command's metadata. */
export interface StoredEventMetadata {
  readonly actor?: string;
  readonly actorName?: string;
  readonly role?: string;
  readonly levelOfAssurance?: string;
  readonly command?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly idempotencyKey?: string;
  readonly reason?: string;
  readonly [key: string]: unknown;
}

/** A stored event whose `data` is typed by its `type`: narrowing on `type` narrows `data` with it. */
export type StoredDomainEvent<E extends ExpedienteEvent = ExpedienteEvent> = E extends ExpedienteEvent
  ? Readonly<{
      id: string;
      stream: string;
      type: E['type'];
      schemaVersion: number;
      data: E['data'];
      metadata: StoredEventMetadata;
      recordedAt: Date;
      /** 0-based position of the event in its stream. */
      streamVersion: number;
      /** Position in the global log, in commit order. */
      position: number;
      hash: string;
    }>
  : never;
