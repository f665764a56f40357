import type { Command } from '../shared/command-metadata';
import type { SubmissionEvidence, WithdrawalEvidence } from '../filing/filing.commands';
import type { Beneficiary, EntitlementAttachment } from './entitlement-application.events';

/** The filer is the actor in the metadata; `subject` is the holder of the entitlement. */
export type CreateEntitlementDraft = Command<
  'CreateEntitlementDraft',
  {
    caseId: string;
    subject: string;
    provinceCode: string;
    beneficiaries: readonly Beneficiary[];
    remarks?: string;
    paperOptOut: boolean;
  }
>;

/** Omitted fields keep their value; an empty `remarks` clears them. */
export type UpdateEntitlementDraft = Command<
  'UpdateEntitlementDraft',
  {
    caseId: string;
    provinceCode?: string;
    beneficiaries?: readonly Beneficiary[];
    remarks?: string;
    paperOptOut?: boolean;
  }
>;

export type AttachEntitlementDocument = Command<
  'AttachEntitlementDocument',
  { caseId: string; attachment: EntitlementAttachment }
>;

export type RemoveEntitlementDocument = Command<
  'RemoveEntitlementDocument',
  { caseId: string; blobHash: string }
>;

export type SubmitEntitlementApplication = Command<
  'SubmitEntitlementApplication',
  SubmissionEvidence & { caseId: string }
>;

export type WithdrawEntitlementApplication = Command<
  'WithdrawEntitlementApplication',
  WithdrawalEvidence & { caseId: string; reason?: string }
>;

export type EntitlementApplicationCommand =
  | CreateEntitlementDraft
  | UpdateEntitlementDraft
  | AttachEntitlementDocument
  | RemoveEntitlementDocument
  | SubmitEntitlementApplication
  | WithdrawEntitlementApplication;
