import type { Command } from '../shared/command-metadata';
import type { SubmissionEvidence, WithdrawalEvidence } from '../filing/filing.commands';
import type { ReportAttachment } from './medical-report-submission.events';

/** The filer is the actor in the metadata; `subject` is whose benefit the reports concern. */
export type CreateReportDraft = Command<
  'CreateReportDraft',
  { caseId: string; subject: string; benefitRequestRef: string; provinceCode: string }
>;

/** Omitted fields keep their value. The handler checks the draft's expected version. */
export type UpdateReportDraft = Command<
  'UpdateReportDraft',
  { caseId: string; benefitRequestRef?: string; provinceCode?: string }
>;

export type AttachReportDocument = Command<
  'AttachReportDocument',
  { caseId: string; attachment: ReportAttachment }
>;

export type RemoveReportDocument = Command<'RemoveReportDocument', { caseId: string; blobHash: string }>;

export type SubmitReports = Command<
  'SubmitReports',
  SubmissionEvidence & {
    caseId: string;
    /** Whether the subject has an active record of the benefit in the addressed INSS province. */
    activeBenefitRecord: boolean;
  }
>;

export type WithdrawReports = Command<
  'WithdrawReports',
  WithdrawalEvidence & { caseId: string; reason?: string }
>;

export type MedicalReportSubmissionCommand =
  | CreateReportDraft
  | UpdateReportDraft
  | AttachReportDocument
  | RemoveReportDocument
  | SubmitReports
  | WithdrawReports;
