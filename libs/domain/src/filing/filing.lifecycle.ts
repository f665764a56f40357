/**
 * The lifecycle both filings share: none → draft → submitted → withdrawn. The rest of the case
 * (routed, under review, resolved, closed) is the review's; a withdrawal asks it whether the
 * case was resolved (WithdrawalEvidence) and is recorded on the review first (docs/ARCHITECTURE.md).
 */
import { Conflict, IllegalState, NotFound } from '../shared/domain-error';
import { medicalUnitFor, type MedicalUnit } from '../reference/provinces';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import type { Attachment } from './attachment';
import type { SubmissionEvidence } from './filing.commands';
import type { CaseRoutedToUnit, FilingRecord, RepresentationBasis } from './filing.events';

export interface DraftBase {
  readonly caseId: string;
  readonly filer: string;
  readonly subject: string;
  readonly provinceCode: string;
  readonly attachments: readonly Attachment[];
}

export type Filed<Draft extends DraftBase> = Draft & {
  readonly filing: FilingRecord;
  readonly unit: MedicalUnit;
  readonly submittedAt: string;
};

export type FilingState<Draft extends DraftBase> =
  | { readonly status: 'none' }
  | ({ readonly status: 'draft' } & Draft)
  | ({ readonly status: 'submitted' } & Filed<Draft>)
  | ({ readonly status: 'withdrawn'; readonly withdrawnAt: string } & Filed<Draft>);

const caseNotFound = (caseId: string) =>
  new NotFound('CASE_NOT_FOUND', `There is no filing ${caseId}.`, { caseId });

export const caseMustNotExist = <Draft extends DraftBase>(
  state: FilingState<Draft>,
  caseId: string,
): void => {
  if (state.status !== 'none') {
    throw new Conflict('CASE_ALREADY_EXISTS', `A filing with id ${caseId} already exists.`, { caseId });
  }
};

/** Drafts are the only editable stage: a signed filing is in the register and cannot change. */
export const requireDraft = <Draft extends DraftBase>(
  state: FilingState<Draft>,
  caseId: string,
): { readonly status: 'draft' } & Draft => {
  switch (state.status) {
    case 'none':
      throw caseNotFound(caseId);
    case 'draft':
      return state;
    case 'submitted':
      throw new IllegalState(
        'ALREADY_SUBMITTED',
        'This filing has already been submitted and can no longer change.',
        {
          caseId,
          registryNumber: state.filing.registryEntry.number,
        },
      );
    case 'withdrawn':
      throw new IllegalState('ALREADY_WITHDRAWN', 'This filing was withdrawn.', {
        caseId,
        withdrawnAt: state.withdrawnAt,
      });
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
};

/** Withdrawal applies to a submitted filing not yet resolved; a draft has nothing to withdraw. */
export const requireWithdrawable = <Draft extends DraftBase>(
  state: FilingState<Draft>,
  caseId: string,
): { readonly status: 'submitted' } & Filed<Draft> => {
  switch (state.status) {
    case 'none':
      throw caseNotFound(caseId);
    case 'draft':
      throw new IllegalState('NOT_SUBMITTED', 'Only a submitted filing can be withdrawn.', { caseId });
    case 'submitted':
      return state;
    case 'withdrawn':
      throw new IllegalState('ALREADY_WITHDRAWN', 'This filing was already withdrawn.', {
        caseId,
        withdrawnAt: state.withdrawnAt,
      });
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
};

/**
 * What registering a signed filing records, whatever the procedure, and the routing event
 * that follows it: the register's entry, the signature, the representation basis and the
 * competent unit (the province's INSS division, or ICAM in Catalonia).
 */
export const registration = (
  draft: DraftBase,
  evidence: SubmissionEvidence,
  metadata: CommandMetadata,
  procedure: Procedure,
  representation: RepresentationBasis,
): {
  readonly record: FilingRecord & { unit: MedicalUnit; submittedAt: string };
  readonly routed: CaseRoutedToUnit;
} => {
  const unit = medicalUnitFor(draft.provinceCode);
  const submittedAt = metadata.now.toISOString();
  return {
    record: {
      registryEntry: {
        number: evidence.registryEntry.number,
        registeredAt: evidence.registryEntry.registeredAt.toISOString(),
      },
      receiptCsv: evidence.receiptCsv,
      signedWith: metadata.actor.levelOfAssurance,
      representation,
      ...(evidence.subjectName !== undefined && { subjectName: evidence.subjectName }),
      unit,
      submittedAt,
    },
    routed: {
      type: 'CaseRoutedToUnit',
      data: {
        caseId: draft.caseId,
        procedure,
        provinceCode: draft.provinceCode,
        unit,
        routedAt: submittedAt,
      },
    },
  };
};

/** What a withdrawal records, for either procedure. */
export const withdrawal = (
  caseId: string,
  metadata: CommandMetadata,
  reason: string | undefined,
  reviewPending: boolean | undefined,
) => ({
  caseId,
  withdrawnAt: metadata.now.toISOString(),
  ...(reason === undefined ? {} : { reason }),
  ...(reviewPending === true && { reviewPending }),
});

/* How either filing's state evolves with the events both procedures share in shape. */

export const withAttachment = <Draft extends DraftBase>(
  state: FilingState<Draft>,
  attachment: Draft['attachments'][number],
): FilingState<Draft> =>
  state.status === 'draft' ? { ...state, attachments: [...state.attachments, attachment] } : state;

export const withoutAttachment = <Draft extends DraftBase>(
  state: FilingState<Draft>,
  blobHash: string,
): FilingState<Draft> =>
  state.status === 'draft'
    ? { ...state, attachments: state.attachments.filter((a) => a.blobHash !== blobHash) }
    : state;

export const asSubmitted = <Draft extends DraftBase>(
  state: FilingState<Draft>,
  data: FilingRecord & { unit: MedicalUnit; submittedAt: string; attachments: Draft['attachments'] },
): FilingState<Draft> => {
  if (state.status !== 'draft') return state;
  const { registryEntry, receiptCsv, signedWith, representation, unit, submittedAt, attachments } = data;
  return {
    ...state,
    status: 'submitted',
    attachments,
    filing: { registryEntry, receiptCsv, signedWith, representation },
    unit,
    submittedAt,
  };
};

export const asWithdrawn = <Draft extends DraftBase>(
  state: FilingState<Draft>,
  withdrawnAt: string,
): FilingState<Draft> =>
  state.status === 'submitted' ? { ...state, status: 'withdrawn', withdrawnAt } : state;
