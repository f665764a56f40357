import {
  attachmentKindOf,
  ENTITLEMENT_ATTACHMENT_KINDS,
  entitlementApplicationDecider,
  medicalReportSubmissionDecider,
  REPORT_ATTACHMENT_KINDS,
  type AttachEntitlementDocument,
  type Attachment,
  type AttachReportDocument,
  type AttachmentContentType,
  type AttachmentKind,
  type CommandMetadata,
  type Decider,
  type DraftBase,
  type FilingState,
  type Procedure,
  type RemoveEntitlementDocument,
  type RemoveReportDocument,
  type SubmitEntitlementApplication,
  type SubmissionEvidence,
  type SubmitReports,
} from '@expediente/domain';
import type { EventStore } from '@expediente/infra/event-store/event-store.port';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { streams } from '@expediente/infra/event-store/streams';
import type { SignedCommands } from '../commands/signed-command';

/** The URL slugs of the two filings, in the order the 404 for an unknown one lists them. */
export const FILING_SLUGS = ['medical-reports', 'entitlement-applications'] as const;
export type FilingSlug = (typeof FILING_SLUGS)[number];
export type FilingProcedureName = Exclude<Procedure, 'notifications'>;
export type Filing = FilingState<DraftBase>;

/** A document as the upload received it: its kind is the filer's text until the domain names it. */
export interface UploadedDocument {
  readonly blobHash: string;
  readonly filename: string;
  readonly contentType: AttachmentContentType;
  readonly size: number;
  readonly kind: string | undefined;
}

/** What the slice gathers for a submission; each procedure's command takes what it needs of it. */
export interface FilingEvidence extends SubmissionEvidence {
  readonly caseId: string;
  readonly activeBenefitRecord: boolean;
}

/** The benefit record a submission must find active, for a procedure that asks. */
export interface BenefitRecordQuestion {
  readonly subject: string;
  readonly benefitRequestRef: string;
  readonly provinceCode: string;
}

/** A change both filings make to a draft the same way. */
export type DraftChange =
  | { readonly type: 'attach'; readonly document: UploadedDocument }
  | { readonly type: 'remove'; readonly blobHash: string };

export interface Submission {
  readonly metadata: CommandMetadata;
  /** Read when the command is built, so what `afterSigning` allocated is in it. */
  readonly evidence: () => Omit<FilingEvidence, 'otpVerified'>;
  readonly signingCode: string | undefined;
  readonly afterSigning: () => Promise<void>;
}

/** A filing stream as loaded, with the commands its own decider judges on that state. */
export interface LoadedFiling {
  readonly state: Filing;
  readonly version: number | undefined;
  readonly benefitRecord: BenefitRecordQuestion | undefined;
  /** The domain's decision on this state, nothing stored: refuses as `change` would. */
  check(change: DraftChange, metadata: CommandMetadata): void;
  /** The signed submission at this version (SignedCommands: rules → code → append). */
  submit(signed: SignedCommands, principal: Principal, submission: Submission): Promise<Filing>;
}

/** The two filings differ in rules, not in how they travel: each is reached through this. */
export interface FilingProcedure {
  readonly slug: FilingSlug;
  readonly procedure: FilingProcedureName;
  /** The kind of an upload that names none. */
  readonly defaultKind: AttachmentKind;
  load(store: EventStore, caseId: string): Promise<LoadedFiling>;
  /** Decides and appends `change`; returns the stream's version. */
  change(store: EventStore, caseId: string, change: DraftChange, metadata: CommandMetadata): Promise<number>;
}

/** One procedure's decider and its typed command builders. */
interface ProcedureSpec<C, E, S, Kind extends AttachmentKind> {
  readonly slug: FilingSlug;
  readonly procedure: FilingProcedureName;
  readonly decider: Decider<C, E, S>;
  readonly attachmentKinds: readonly Kind[];
  /** The kind of an upload that names none. */
  readonly defaultKind: Kind;
  readonly attach: (caseId: string, attachment: Attachment<Kind>, metadata: CommandMetadata) => C;
  readonly remove: (caseId: string, blobHash: string, metadata: CommandMetadata) => C;
  readonly submit: (evidence: FilingEvidence, metadata: CommandMetadata) => C;
  readonly benefitRecord: (state: S) => BenefitRecordQuestion | undefined;
}

/** Closes over one procedure's types, so callers hold a FilingProcedure whichever it is. */
function filingProcedure<
  C extends { readonly type: string; readonly metadata: CommandMetadata },
  E extends { readonly type: string; readonly data: unknown },
  S extends Filing,
  Kind extends AttachmentKind,
>(spec: ProcedureSpec<C, E, S, Kind>): FilingProcedure {
  const commandOf = (caseId: string, change: DraftChange, metadata: CommandMetadata): C => {
    switch (change.type) {
      case 'attach': {
        const { kind, ...document } = change.document;
        const named = attachmentKindOf(kind ?? spec.defaultKind, spec.attachmentKinds);
        return spec.attach(caseId, { ...document, kind: named }, metadata);
      }
      case 'remove':
        return spec.remove(caseId, change.blobHash, metadata);
      default: {
        const unknown: never = change;
        return unknown;
      }
    }
  };
  return {
    slug: spec.slug,
    procedure: spec.procedure,
    defaultKind: spec.defaultKind,
    async load(store, caseId) {
      const stream = streams.filing(caseId);
      const { state, version } = await load(store, spec.decider, stream);
      return {
        state,
        version,
        benefitRecord: spec.benefitRecord(state),
        check(change, metadata) {
          spec.decider.decide(commandOf(caseId, change, metadata), state);
        },
        async submit(signed, principal, { metadata, evidence, signingCode, afterSigning }) {
          const result = await signed.run(principal, {
            decider: spec.decider,
            stream,
            state,
            version,
            command: (otpVerified) => spec.submit({ ...evidence(), otpVerified }, metadata),
            purpose: `sign:${caseId}`,
            ...(signingCode !== undefined && { signingCode }),
            afterSigning,
          });
          return result.state;
        },
      };
    },
    async change(store, caseId, change, metadata) {
      const stream = streams.filing(caseId);
      const result = await runCommand(store, spec.decider, stream, commandOf(caseId, change, metadata));
      return result.version!;
    },
  };
}

export const FILING_PROCEDURES: Readonly<Record<FilingSlug, FilingProcedure>> = {
  'medical-reports': filingProcedure({
    slug: 'medical-reports',
    procedure: 'medical-report-submission',
    decider: medicalReportSubmissionDecider,
    attachmentKinds: REPORT_ATTACHMENT_KINDS,
    defaultKind: 'medical-report',
    attach: (caseId, attachment, metadata): AttachReportDocument => ({
      type: 'AttachReportDocument',
      data: { caseId, attachment },
      metadata,
    }),
    remove: (caseId, blobHash, metadata): RemoveReportDocument => ({
      type: 'RemoveReportDocument',
      data: { caseId, blobHash },
      metadata,
    }),
    submit: (evidence, metadata): SubmitReports => ({ type: 'SubmitReports', data: evidence, metadata }),
    benefitRecord: (state) =>
      state.status === 'none'
        ? undefined
        : {
            subject: state.subject,
            benefitRequestRef: state.benefitRequestRef,
            provinceCode: state.provinceCode,
          },
  }),
  'entitlement-applications': filingProcedure({
    slug: 'entitlement-applications',
    procedure: 'entitlement-application',
    decider: entitlementApplicationDecider,
    attachmentKinds: ENTITLEMENT_ATTACHMENT_KINDS,
    defaultKind: 'supporting-document',
    attach: (caseId, attachment, metadata): AttachEntitlementDocument => ({
      type: 'AttachEntitlementDocument',
      data: { caseId, attachment },
      metadata,
    }),
    remove: (caseId, blobHash, metadata): RemoveEntitlementDocument => ({
      type: 'RemoveEntitlementDocument',
      data: { caseId, blobHash },
      metadata,
    }),
    // Entitlement is not tied to a benefit record: that fact is not part of its command.
    submit: ({ activeBenefitRecord: _notAsked, ...evidence }, metadata): SubmitEntitlementApplication => ({
      type: 'SubmitEntitlementApplication',
      data: evidence,
      metadata,
    }),
    benefitRecord: () => undefined,
  }),
};
