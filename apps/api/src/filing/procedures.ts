import {
  Decider,
  entitlementApplicationDecider,
  EntitlementApplicationCommand,
  EntitlementApplicationEvent,
  EntitlementApplication,
  medicalReportSubmissionDecider,
  MedicalReportSubmissionCommand,
  MedicalReportSubmissionEvent,
  MedicalReportSubmission,
  Procedure,
} from '@expediente/domain';

type AnyCommand = MedicalReportSubmissionCommand | EntitlementApplicationCommand;
type AnyEvent = MedicalReportSubmissionEvent | EntitlementApplicationEvent;
type AnyState = MedicalReportSubmission | EntitlementApplication;

/** The two filings differ in rules, not in how they travel: one route table serves both. */
export interface FilingProcedure {
  readonly slug: 'medical-reports' | 'entitlement-applications';
  readonly procedure: Exclude<Procedure, 'notifications'>;
  readonly decider: Decider<AnyCommand, AnyEvent, AnyState>;
  readonly commands: {
    readonly create: AnyCommand['type'];
    readonly update: AnyCommand['type'];
    readonly attach: AnyCommand['type'];
    readonly remove: AnyCommand['type'];
    readonly submit: AnyCommand['type'];
  };
}

export const FILING_PROCEDURES: Readonly<Record<FilingProcedure['slug'], FilingProcedure>> = {
  'medical-reports': {
    slug: 'medical-reports',
    procedure: 'medical-report-submission',
    decider: medicalReportSubmissionDecider as unknown as FilingProcedure['decider'],
    commands: {
      create: 'CreateReportDraft',
      update: 'UpdateReportDraft',
      attach: 'AttachReportDocument',
      remove: 'RemoveReportDocument',
      submit: 'SubmitReports',
    },
  },
  'entitlement-applications': {
    slug: 'entitlement-applications',
    procedure: 'entitlement-application',
    decider: entitlementApplicationDecider as unknown as FilingProcedure['decider'],
    commands: {
      create: 'CreateEntitlementDraft',
      update: 'UpdateEntitlementDraft',
      attach: 'AttachEntitlementDocument',
      remove: 'RemoveEntitlementDocument',
      submit: 'SubmitEntitlementApplication',
    },
  },
};
