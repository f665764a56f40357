import { madridDateOf } from '../shared/calendar';
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
  AttachEntitlementDocument,
  CreateEntitlementDraft,
  EntitlementApplicationCommand,
  RemoveEntitlementDocument,
  SubmitEntitlementApplication,
  UpdateEntitlementDraft,
  WithdrawEntitlementApplication,
} from './entitlement-application.commands';
import {
  ENTITLEMENT_ATTACHMENT_KINDS,
  type ApplicationDetails,
  type Beneficiary,
  type EntitlementApplicationEvent,
  type EntitlementAttachment,
} from './entitlement-application.events';
import {
  applicationFormOrRemarks,
  beneficiaryMustBeOverThreeMonths,
  beneficiaryMustBeWellFormed,
  hasRemarks,
  remarksOnlyWithoutApplicationForm,
} from './entitlement-application.rules';

export interface EntitlementDraft extends DraftBase, ApplicationDetails {
  readonly attachments: readonly EntitlementAttachment[];
}

export type EntitlementApplication = FilingState<EntitlementDraft>;

export const initialState = (): EntitlementApplication => ({ status: 'none' });

const detailsOf = ({
  provinceCode,
  beneficiaries,
  remarks,
  paperOptOut,
}: ApplicationDetails): ApplicationDetails => ({
  provinceCode,
  beneficiaries,
  ...(remarks === undefined ? {} : { remarks }),
  paperOptOut,
});

export const evolve = (
  state: EntitlementApplication,
  event: EntitlementApplicationEvent,
): EntitlementApplication => {
  switch (event.type) {
    case 'EntitlementDraftCreated': {
      const { caseId, filer, subject } = event.data;
      return { status: 'draft', caseId, filer, subject, ...detailsOf(event.data), attachments: [] };
    }
    case 'EntitlementDraftUpdated': {
      if (state.status !== 'draft') return state;
      const { remarks: _previous, ...rest } = state;
      return { ...rest, ...detailsOf(event.data) };
    }
    case 'EntitlementDocumentAttached':
      return withAttachment(state, event.data.attachment);
    case 'EntitlementDocumentRemoved':
      return withoutAttachment(state, event.data.blobHash);
    case 'EntitlementApplicationSubmitted':
      return asSubmitted(state, event.data);
    case 'CaseRoutedToUnit':
      return state;
    case 'EntitlementApplicationWithdrawn':
      return asWithdrawn(state, event.data.withdrawnAt);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

const wellFormedBeneficiaries = (beneficiaries: readonly Beneficiary[]): Beneficiary[] =>
  beneficiaries.map(beneficiaryMustBeWellFormed);

/** Blank remarks mean none, so clearing them is sending an empty string. */
const remarksField = (remarks: string | undefined): { remarks?: string } =>
  hasRemarks(remarks) ? { remarks: remarks.trim() } : {};

export const createEntitlementDraft = (
  { data, metadata }: CreateEntitlementDraft,
  state: EntitlementApplication,
): EntitlementApplicationEvent[] => {
  caseMustNotExist(state, data.caseId);
  const subject = parseIdentityNumber(data.subject, 'subject').value;
  claveMovilActsOnlyInOwnName(metadata.actor, subject);
  return [
    {
      type: 'EntitlementDraftCreated',
      data: {
        caseId: data.caseId,
        filer: normaliseIdentityNumber(metadata.actor.id),
        subject,
        provinceCode: provinceFor(data.provinceCode).code,
        beneficiaries: wellFormedBeneficiaries(data.beneficiaries),
        ...remarksField(data.remarks),
        paperOptOut: data.paperOptOut,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const updateEntitlementDraft = (
  { data, metadata }: UpdateEntitlementDraft,
  state: EntitlementApplication,
): EntitlementApplicationEvent[] => {
  const draft = requireDraft(state, data.caseId);
  actorMustBeFiler(metadata.actor, draft);
  const remarks = data.remarks === undefined ? remarksField(draft.remarks) : remarksField(data.remarks);
  if (data.remarks !== undefined) remarksOnlyWithoutApplicationForm(remarks.remarks, draft.attachments);
  return [
    {
      type: 'EntitlementDraftUpdated',
      data: {
        caseId: data.caseId,
        provinceCode: provinceFor(data.provinceCode ?? draft.provinceCode).code,
        beneficiaries: data.beneficiaries ? wellFormedBeneficiaries(data.beneficiaries) : draft.beneficiaries,
        ...remarks,
        paperOptOut: data.paperOptOut ?? draft.paperOptOut,
        updatedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const attachEntitlementDocument = (
  { data, metadata }: AttachEntitlementDocument,
  state: EntitlementApplication,
): EntitlementApplicationEvent[] => {
  const draft = requireDraft(state, data.caseId);
  actorMustBeFiler(metadata.actor, draft);
  const attachment = documentMayBeAttached(draft.attachments, data.attachment, ENTITLEMENT_ATTACHMENT_KINDS);
  return [
    {
      type: 'EntitlementDocumentAttached',
      data: { caseId: data.caseId, attachment, attachedAt: metadata.now.toISOString() },
    },
  ];
};

export const removeEntitlementDocument = (
  { data, metadata }: RemoveEntitlementDocument,
  state: EntitlementApplication,
): EntitlementApplicationEvent[] => {
  const draft = requireDraft(state, data.caseId);
  actorMustBeFiler(metadata.actor, draft);
  attachmentMustExist(draft.attachments, data.blobHash);
  return [
    {
      type: 'EntitlementDocumentRemoved',
      data: {
        caseId: data.caseId,
        blobHash: data.blobHash.toLowerCase(),
        removedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const submitEntitlementApplication = (
  { data, metadata }: SubmitEntitlementApplication,
  state: EntitlementApplication,
): EntitlementApplicationEvent[] => {
  const draft = requireDraft(state, data.caseId);
  const { actor } = metadata;
  actorMustBeFiler(actor, draft);
  claveMovilActsOnlyInOwnName(actor, draft.subject);
  filingMustBeSigned(actor.levelOfAssurance, data.otpVerified);
  applicationFormOrRemarks(draft.remarks, draft.attachments);
  attachmentsMustNotExceedTenMegabytes(draft.attachments);
  // The register's timestamp is the legal filing date, in Madrid's calendar.
  const filingDate = madridDateOf(data.registryEntry.registeredAt);
  for (const beneficiary of draft.beneficiaries) beneficiaryMustBeOverThreeMonths(beneficiary, filingDate);
  const representation = representationMustBeProven({
    filer: draft.filer,
    subject: draft.subject,
    procedure: 'entitlement-application',
    attachments: draft.attachments,
    powersOfAttorney: data.powersOfAttorney,
    on: data.registryEntry.registeredAt,
  });
  const { record, routed } = registration(draft, data, metadata, 'entitlement-application', representation);
  return [
    {
      type: 'EntitlementApplicationSubmitted',
      data: {
        caseId: draft.caseId,
        filer: draft.filer,
        subject: draft.subject,
        ...detailsOf(draft),
        filingDate,
        attachments: draft.attachments,
        ...record,
      },
    },
    routed,
  ];
};

export const withdrawEntitlementApplication = (
  { data, metadata }: WithdrawEntitlementApplication,
  state: EntitlementApplication,
): EntitlementApplicationEvent[] => {
  const filed = requireWithdrawable(state, data.caseId);
  actorMustBeFiler(metadata.actor, filed);
  withdrawalMustPrecedeResolution(filed.caseId, data.resolvedAt);
  return [
    {
      type: 'EntitlementApplicationWithdrawn',
      data: withdrawal(data.caseId, metadata, data.reason, data.reviewPending),
    },
  ];
};

export const decide = (
  command: EntitlementApplicationCommand,
  state: EntitlementApplication,
): EntitlementApplicationEvent[] => {
  switch (command.type) {
    case 'CreateEntitlementDraft':
      return createEntitlementDraft(command, state);
    case 'UpdateEntitlementDraft':
      return updateEntitlementDraft(command, state);
    case 'AttachEntitlementDocument':
      return attachEntitlementDocument(command, state);
    case 'RemoveEntitlementDocument':
      return removeEntitlementDocument(command, state);
    case 'SubmitEntitlementApplication':
      return submitEntitlementApplication(command, state);
    case 'WithdrawEntitlementApplication':
      return withdrawEntitlementApplication(command, state);
    default: {
      const unknown: never = command;
      throw unknownCommand(unknown);
    }
  }
};

export const entitlementApplicationDecider: Decider<
  EntitlementApplicationCommand,
  EntitlementApplicationEvent,
  EntitlementApplication
> = { initialState, evolve, decide };
