import type { IsoDate } from '../shared/calendar';
import type { Command } from '../shared/command-metadata';
import type { MedicalUnit } from '../reference/provinces';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import type {
  NotificationOutcome,
  ProvidedAttachment,
  ResolutionOutcome,
  ReviewStep,
} from './case-review.events';

/*
 * OpenReview, RecordFilingWithdrawn, RecordDeadlineExpired, RecordResolutionIssued and CloseCase are issued by the
 * system (workers reacting to events), never exposed over HTTP; the others by people, whose
 * identity, role, unit and level of assurance come from the token in the metadata.
 */

/** From the filing's CaseRoutedToUnit event. */
export type OpenReview = Command<
  'OpenReview',
  {
    caseId: string;
    procedure: Procedure;
    provinceCode: string;
    unit: MedicalUnit;
    subject: string;
    filer: string;
    routedAt: string;
  }
>;

/** `reviewer.unit` is what the staff directory says about the reviewer, looked up by the handler. */
export type AssignReviewer = Command<
  'AssignReviewer',
  { caseId: string; reviewer: { id: string; unit: string }; reason?: string }
>;

/** `dueOn` comes from deadlines.ts (`citizenAnswerDueOn`), computed by the handler with the holiday calendar. */
export type RequestInformation = Command<
  'RequestInformation',
  { caseId: string; requested: string; dueOn: IsoDate }
>;

/** A signed filing by the citizen: Cl@ve permanente confirms it with the SMS one-time code. */
export type ProvideInformation = Command<
  'ProvideInformation',
  { caseId: string; statement?: string; attachments: readonly ProvidedAttachment[]; otpVerified: boolean }
>;

export type EvaluateCase = Command<'EvaluateCase', { caseId: string; findings: string }>;

export type ResolveCase = Command<
  'ResolveCase',
  { caseId: string; outcome: ResolutionOutcome; grounds: string; legalBasis: string }
>;

export type WithdrawReview = Command<'WithdrawReview', { caseId: string; reason?: string }>;

/** From the filing's withdrawal, when it was recorded before the review opened (the filer's own act). */
export type RecordFilingWithdrawn = Command<
  'RecordFilingWithdrawn',
  { caseId: string; withdrawnBy: string; withdrawnAt: string; reason?: string }
>;

/** From the resolution's notification: when and how it ended (accepted, rejected or deemed rejected). */
export type CloseCase = Command<
  'CloseCase',
  { caseId: string; notificationId: string; notificationOutcome: NotificationOutcome; notifiedAt: string }
>;

export type RecordDeadlineExpired = Command<
  'RecordDeadlineExpired',
  { caseId: string; step: ReviewStep; dueOn: IsoDate }
>;

export type RecordResolutionIssued = Command<
  'RecordResolutionIssued',
  /**
   * signatureHash: the seal's detached signature (CMS) over the document, stored beside it;
   * csv: the verification code printed on the letter, checkable at the public /verify URL;
   * paperCopy: the party did not opt out of paper, so a copy is posted to them too.
   */
  {
    caseId: string;
    documentHash: string;
    signatureHash: string;
    csv: string;
    issuedAt: string;
    paperCopy: boolean;
  }
>;

export type CaseReviewCommand =
  | OpenReview
  | AssignReviewer
  | RequestInformation
  | ProvideInformation
  | EvaluateCase
  | ResolveCase
  | WithdrawReview
  | RecordFilingWithdrawn
  | CloseCase
  | RecordDeadlineExpired
  | RecordResolutionIssued;
