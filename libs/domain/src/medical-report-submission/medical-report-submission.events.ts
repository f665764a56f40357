import type { Event } from '../shared/decider';
import type { MedicalUnit } from '../reference/provinces';
import type { Attachment } from '../filing/attachment';
import type { CaseRoutedToUnit, FilingRecord } from '../filing/filing.events';

export type ReportAttachmentKind = 'medical-report' | 'representation';
export const REPORT_ATTACHMENT_KINDS: readonly ReportAttachmentKind[] = ['medical-report', 'representation'];
export type ReportAttachment = Attachment<ReportAttachmentKind>;

export type ReportDraftCreated = Event<
  'ReportDraftCreated',
  {
    caseId: string;
    filer: string;
    subject: string;
    /** The benefit request the reports are for (the 'NOTES' reference on the form). */
    benefitRequestRef: string;
    provinceCode: string;
    createdAt: string;
  }
>;

/** Carries the editable fields' values after the change, not a diff. */
export type ReportDraftUpdated = Event<
  'ReportDraftUpdated',
  { caseId: string; benefitRequestRef: string; provinceCode: string; updatedAt: string }
>;

export type ReportDocumentAttached = Event<
  'ReportDocumentAttached',
  { caseId: string; attachment: ReportAttachment; attachedAt: string }
>;

export type ReportDocumentRemoved = Event<
  'ReportDocumentRemoved',
  { caseId: string; blobHash: string; removedAt: string }
>;

export type ReportsSubmitted = Event<
  'ReportsSubmitted',
  FilingRecord & {
    caseId: string;
    filer: string;
    subject: string;
    benefitRequestRef: string;
    provinceCode: string;
    attachments: readonly ReportAttachment[];
    unit: MedicalUnit;
    submittedAt: string;
  }
>;

/** `reviewPending`: the review had not opened yet; the worker withdraws it once it opens. */
export type ReportsWithdrawn = Event<
  'ReportsWithdrawn',
  { caseId: string; withdrawnAt: string; reason?: string; reviewPending?: boolean }
>;

export type MedicalReportSubmissionEvent =
  | ReportDraftCreated
  | ReportDraftUpdated
  | ReportDocumentAttached
  | ReportDocumentRemoved
  | ReportsSubmitted
  | CaseRoutedToUnit
  | ReportsWithdrawn;
