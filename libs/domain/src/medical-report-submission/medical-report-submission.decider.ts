import type { Decider } from '../shared/decider';
import { unknownCommand } from '../shared/domain-error';
import { normaliseIdentityNumber, parseIdentityNumber } from '../reference/identity-number';
import { provinceFor } from '../reference/provinces';
import {
  caseMustNotExist,
  requireDraft,
  asSubmitted,
  asWithdrawn,
  registration,
  requireWithdrawable,
  withdrawal,
  withAttachment,
  withoutAttachment,
  type DraftBase,
  type FilingState,
} from '../filing/filing.lifecycle';
import {
  actorMustBeFiler,
  attachmentMustExist,
  attachmentsMustNotExceedTenMegabytes,
  claveMovilActsOnlyInOwnName,
  documentMayBeAttached,
  filingMustBeSigned,
  representationMustBeProven,
  withdrawalMustPrecedeResolution,
} from '../filing/filing.rules';
import type {
  AttachReportDocument,
  CreateReportDraft,
  MedicalReportSubmissionCommand,
  RemoveReportDocument,
  SubmitReports,
  UpdateReportDraft,
  WithdrawReports,
} from './medical-report-submission.commands';
import {
  REPORT_ATTACHMENT_KINDS,
  type MedicalReportSubmissionEvent,
  type ReportAttachment,
} from './medical-report-submission.events';
import {
  benefitRequestMustBeReferenced,
  mustIncludeMedicalReport,
  subjectMustHaveActiveBenefitRecord,
} from './medical-report-submission.rules';

export interface ReportDraft extends DraftBase {
  readonly benefitRequestRef: string;
  readonly attachments: readonly ReportAttachment[];
}

export type MedicalReportSubmission = FilingState<ReportDraft>;

export const initialState = (): MedicalReportSubmission => ({ status: 'none' });

export const evolve = (
  state: MedicalReportSubmission,
  event: MedicalReportSubmissionEvent,
): MedicalReportSubmission => {
  switch (event.type) {
    case 'ReportDraftCreated': {
      const { caseId, filer, subject, benefitRequestRef, provinceCode } = event.data;
      return { status: 'draft', caseId, filer, subject, benefitRequestRef, provinceCode, attachments: [] };
    }
    case 'ReportDraftUpdated': {
      if (state.status !== 'draft') return state;
      const { benefitRequestRef, provinceCode } = event.data;
      return { ...state, benefitRequestRef, provinceCode };
    }
    case 'ReportDocumentAttached':
      return withAttachment(state, event.data.attachment);
    case 'ReportDocumentRemoved':
      return withoutAttachment(state, event.data.blobHash);
    case 'ReportsSubmitted':
      return asSubmitted(state, event.data);
    case 'CaseRoutedToUnit':
      return state;
    case 'ReportsWithdrawn':
      return asWithdrawn(state, event.data.withdrawnAt);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

export const createReportDraft = (
  { data, metadata }: CreateReportDraft,
  state: MedicalReportSubmission,
): MedicalReportSubmissionEvent[] => {
  caseMustNotExist(state, data.caseId);
  const subject = parseIdentityNumber(data.subject, 'subject').value;
  claveMovilActsOnlyInOwnName(metadata.actor, subject);
  const benefitRequestRef = benefitRequestMustBeReferenced(data.benefitRequestRef);
  const { code: provinceCode } = provinceFor(data.provinceCode);
  return [
    {
      type: 'ReportDraftCreated',
      data: {
        caseId: data.caseId,
        filer: normaliseIdentityNumber(metadata.actor.id),
        subject,
        benefitRequestRef,
        provinceCode,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const updateReportDraft = (
  { data, metadata }: UpdateReportDraft,
  state: MedicalReportSubmission,
): MedicalReportSubmissionEvent[] => {
  const draft = requireDraft(state, data.caseId);
  actorMustBeFiler(metadata.actor, draft);
  const benefitRequestRef = benefitRequestMustBeReferenced(data.benefitRequestRef ?? draft.benefitRequestRef);
  const { code: provinceCode } = provinceFor(data.provinceCode ?? draft.provinceCode);
  return [
    {
      type: 'ReportDraftUpdated',
      data: { caseId: data.caseId, benefitRequestRef, provinceCode, updatedAt: metadata.now.toISOString() },
    },
  ];
};

export const attachReportDocument = (
  { data, metadata }: AttachReportDocument,
  state: MedicalReportSubmission,
): MedicalReportSubmissionEvent[] => {
  const draft = requireDraft(state, data.caseId);
  actorMustBeFiler(metadata.actor, draft);
  const attachment = documentMayBeAttached(draft.attachments, data.attachment, REPORT_ATTACHMENT_KINDS);
  return [
    {
      type: 'ReportDocumentAttached',
      data: { caseId: data.caseId, attachment, attachedAt: metadata.now.toISOString() },
    },
  ];
};

export const removeReportDocument = (
  { data, metadata }: RemoveReportDocument,
  state: MedicalReportSubmission,
): MedicalReportSubmissionEvent[] => {
  const draft = requireDraft(state, data.caseId);
  actorMustBeFiler(metadata.actor, draft);
  attachmentMustExist(draft.attachments, data.blobHash);
  return [
    {
      type: 'ReportDocumentRemoved',
      data: {
        caseId: data.caseId,
        blobHash: data.blobHash.toLowerCase(),
        removedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const submitReports = (
  { data, metadata }: SubmitReports,
  state: MedicalReportSubmission,
): MedicalReportSubmissionEvent[] => {
  const draft = requireDraft(state, data.caseId);
  const { actor } = metadata;
  actorMustBeFiler(actor, draft);
  claveMovilActsOnlyInOwnName(actor, draft.subject);
  filingMustBeSigned(actor.levelOfAssurance, data.otpVerified);
  mustIncludeMedicalReport(draft.attachments);
  attachmentsMustNotExceedTenMegabytes(draft.attachments);
  const representation = representationMustBeProven({
    filer: draft.filer,
    subject: draft.subject,
    procedure: 'medical-report-submission',
    attachments: draft.attachments,
    powersOfAttorney: data.powersOfAttorney,
    on: data.registryEntry.registeredAt,
  });
  subjectMustHaveActiveBenefitRecord(data.activeBenefitRecord, {
    subject: draft.subject,
    benefitRequestRef: draft.benefitRequestRef,
    provinceCode: draft.provinceCode,
  });
  const { record, routed } = registration(draft, data, metadata, 'medical-report-submission', representation);
  return [
    {
      type: 'ReportsSubmitted',
      data: {
        caseId: draft.caseId,
        filer: draft.filer,
        subject: draft.subject,
        benefitRequestRef: draft.benefitRequestRef,
        provinceCode: draft.provinceCode,
        attachments: draft.attachments,
        ...record,
      },
    },
    routed,
  ];
};

export const withdrawReports = (
  { data, metadata }: WithdrawReports,
  state: MedicalReportSubmission,
): MedicalReportSubmissionEvent[] => {
  const filed = requireWithdrawable(state, data.caseId);
  actorMustBeFiler(metadata.actor, filed);
  withdrawalMustPrecedeResolution(filed.caseId, data.resolvedAt);
  return [
    {
      type: 'ReportsWithdrawn',
      data: withdrawal(data.caseId, metadata, data.reason, data.reviewPending),
    },
  ];
};

export const decide = (
  command: MedicalReportSubmissionCommand,
  state: MedicalReportSubmission,
): MedicalReportSubmissionEvent[] => {
  switch (command.type) {
    case 'CreateReportDraft':
      return createReportDraft(command, state);
    case 'UpdateReportDraft':
      return updateReportDraft(command, state);
    case 'AttachReportDocument':
      return attachReportDocument(command, state);
    case 'RemoveReportDocument':
      return removeReportDocument(command, state);
    case 'SubmitReports':
      return submitReports(command, state);
    case 'WithdrawReports':
      return withdrawReports(command, state);
    default: {
      const unknown: never = command;
      throw unknownCommand(unknown);
    }
  }
};

export const medicalReportSubmissionDecider: Decider<
  MedicalReportSubmissionCommand,
  MedicalReportSubmissionEvent,
  MedicalReportSubmission
> = { initialState, evolve, decide };
