import type { Event } from '../shared/decider';
import type { IsoDate } from '../shared/calendar';
import type { LevelOfAssurance } from '../shared/command-metadata';
import type { MedicalUnit } from '../reference/provinces';
import type { Attachment } from '../filing/attachment';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';

/** The steps with a deadline of their own (see deadlines.ts). */
export type ReviewStep = 'assign' | 'evaluate' | 'citizenAnswer' | 'notifyResolution';
export const REVIEW_STEPS: readonly ReviewStep[] = [
  'assign',
  'evaluate',
  'citizenAnswer',
  'notifyResolution',
];

export type ResolutionOutcome = 'granted' | 'partially-granted' | 'denied';
export const RESOLUTION_OUTCOMES: readonly ResolutionOutcome[] = ['granted', 'partially-granted', 'denied'];

export type ProvidedAttachmentKind = 'medical-report' | 'supporting-document' | 'other';
export type ProvidedAttachment = Attachment<ProvidedAttachmentKind>;

/** How the resolution's notification ended: each one counts as notified (Law 39/2015 arts. 41.5, 43). */
export type NotificationOutcome = 'accepted' | 'rejected' | 'deemed-rejected';

/** `routedAt` is when the filing reached the unit; every deadline of the review counts from it. */
export type ReviewOpened = Event<
  'ReviewOpened',
  {
    caseId: string;
    procedure: Procedure;
    provinceCode: string;
    unit: MedicalUnit;
    subject: string;
    filer: string;
    routedAt: string;
    openedAt: string;
  }
>;

/** `previousReviewerId` is null on a first assignment; a reassignment always says why. */
export type ReviewerAssigned = Event<
  'ReviewerAssigned',
  {
    caseId: string;
    reviewerId: string;
    previousReviewerId: string | null;
    assignedBy: string;
    assignedAt: string;
    reason?: string;
  }
>;

export type InformationRequested = Event<
  'InformationRequested',
  { caseId: string; requestedBy: string; requested: string; dueOn: IsoDate; requestedAt: string }
>;

export type InformationProvided = Event<
  'InformationProvided',
  {
    caseId: string;
    providedBy: string;
    statement?: string;
    attachments: readonly ProvidedAttachment[];
    signedWith: LevelOfAssurance;
    providedAt: string;
  }
>;

export type CaseEvaluated = Event<
  'CaseEvaluated',
  { caseId: string; evaluatedBy: string; findings: string; evaluatedAt: string }
>;

export type CaseResolved = Event<
  'CaseResolved',
  {
    caseId: string;
    resolvedBy: string;
    outcome: ResolutionOutcome;
    grounds: string;
    legalBasis: string;
    resolvedAt: string;
  }
>;

export type ReviewWithdrawn = Event<
  'ReviewWithdrawn',
  { caseId: string; withdrawnBy: string; withdrawnAt: string; reason?: string }
>;

/**
 * The signed resolution document was issued and handed to notification. `paperCopy`: a copy
 * also goes to the party's postal address (they did not opt out); absent on letters issued
 * before the log recorded it.
 */
export type ResolutionIssued = Event<
  'ResolutionIssued',
  {
    caseId: string;
    documentHash: string;
    signatureHash: string;
    csv: string;
    issuedAt: string;
    paperCopy?: boolean;
  }
>;

export type CaseClosed = Event<
  'CaseClosed',
  {
    caseId: string;
    notificationId: string;
    notificationOutcome: NotificationOutcome;
    notifiedAt: string;
    closedAt: string;
  }
>;

/** `dueOn` is the step's last day (Madrid); `recordedAt` when the deadline worker noticed. */
export type DeadlineExpired = Event<
  'DeadlineExpired',
  { caseId: string; step: ReviewStep; dueOn: IsoDate; recordedAt: string }
>;

export type CaseReviewEvent =
  | ReviewOpened
  | ReviewerAssigned
  | InformationRequested
  | InformationProvided
  | CaseEvaluated
  | CaseResolved
  | ReviewWithdrawn
  | ResolutionIssued
  | CaseClosed
  | DeadlineExpired;
