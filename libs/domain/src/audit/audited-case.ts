/**
 * A whole case as an auditor replays it: every aggregate that makes up the case, each folded by
 * its own decider's `evolve`, side by side. Nothing here decides anything: time travel is the
 * same fold the write side uses, stopped earlier, so it cannot drift from the rules.
 */
import type { ExpedienteEvent } from '../expediente-events';
import { alertDecider, type Alert } from '../alert/alert.decider';
import {
  citizenViewOf,
  evolveCitizenCase,
  initialCitizenCase,
  type CitizenCase,
  type CitizenView,
} from '../case-review/citizen-status';
import type { CaseReview } from '../case-review/case-review.state';
import {
  entitlementApplicationDecider,
  type EntitlementApplication,
} from '../entitlement-application/entitlement-application.decider';
import {
  medicalReportSubmissionDecider,
  type MedicalReportSubmission,
} from '../medical-report-submission/medical-report-submission.decider';
import { notificationDecider, type Notification } from '../notification/notification.decider';
import { paperPostDecider, type PaperPost } from '../paper-post/paper-post.decider';
import { powerOfAttorneyDecider, type PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import { proofOfReceiptDecider, type ProofOfReceipt } from '../proof-of-receipt/proof-of-receipt.decider';
import { caseAccessDecider, type CaseAccess } from '../case-access/case-access.decider';

export type AuditedFiling =
  | { readonly procedure: 'medical-report-submission'; readonly state: MedicalReportSubmission }
  | { readonly procedure: 'entitlement-application'; readonly state: EntitlementApplication };

export interface AuditedCase {
  readonly filing: AuditedFiling | null;
  readonly receipt: ProofOfReceipt;
  /** The review's state and the citizen's reading of it (citizen-status.ts). */
  readonly citizenCase: CitizenCase;
  /** Every notification of the case, by id: the citizen's view keeps only the latest. */
  readonly notifications: Readonly<Record<string, Notification>>;
  readonly paperPost: PaperPost;
  readonly alerts: Readonly<Record<string, Alert>>;
  /** Powers of attorney the case relies on (the filing's basis, a notification's actor). */
  readonly powers: Readonly<Record<string, PowerOfAttorney>>;
  /** The case's access log: how many reads of its health data were recorded. */
  readonly access: CaseAccess;
}

export const initialAuditedCase = (): AuditedCase => ({
  filing: null,
  receipt: proofOfReceiptDecider.initialState(),
  citizenCase: initialCitizenCase(),
  notifications: {},
  paperPost: paperPostDecider.initialState(),
  alerts: {},
  powers: {},
  access: caseAccessDecider.initialState(),
});

const medicalReports = (state: AuditedCase): MedicalReportSubmission =>
  state.filing?.procedure === 'medical-report-submission'
    ? state.filing.state
    : medicalReportSubmissionDecider.initialState();

const entitlement = (state: AuditedCase): EntitlementApplication =>
  state.filing?.procedure === 'entitlement-application'
    ? state.filing.state
    : entitlementApplicationDecider.initialState();

const withEntry = <S>(
  entries: Readonly<Record<string, S>>,
  id: string,
  next: (current: S | undefined) => S,
) => ({
  ...entries,
  [id]: next(entries[id]),
});

/** One event of the case, folded into the aggregate it belongs to by that aggregate's own `evolve`. */
export const evolveAuditedCase = (state: AuditedCase, event: ExpedienteEvent): AuditedCase => {
  switch (event.type) {
    case 'ReportDraftCreated':
    case 'ReportDraftUpdated':
    case 'ReportDocumentAttached':
    case 'ReportDocumentRemoved':
    case 'ReportsSubmitted':
    case 'ReportsWithdrawn':
      return {
        ...state,
        filing: {
          procedure: 'medical-report-submission',
          state: medicalReportSubmissionDecider.evolve(medicalReports(state), event),
        },
      };
    case 'EntitlementDraftCreated':
    case 'EntitlementDraftUpdated':
    case 'EntitlementDocumentAttached':
    case 'EntitlementDocumentRemoved':
    case 'EntitlementApplicationSubmitted':
    case 'EntitlementApplicationWithdrawn':
      return {
        ...state,
        filing: {
          procedure: 'entitlement-application',
          state: entitlementApplicationDecider.evolve(entitlement(state), event),
        },
      };
    case 'CaseRoutedToUnit':
      // Both filings record their routing with the same event; its procedure says whose it is.
      return event.data.procedure === 'entitlement-application'
        ? {
            ...state,
            filing: {
              procedure: 'entitlement-application',
              state: entitlementApplicationDecider.evolve(entitlement(state), event),
            },
          }
        : {
            ...state,
            filing: {
              procedure: 'medical-report-submission',
              state: medicalReportSubmissionDecider.evolve(medicalReports(state), event),
            },
          };
    case 'ProofOfReceiptIssued':
      return { ...state, receipt: proofOfReceiptDecider.evolve(state.receipt, event) };
    case 'ReviewOpened':
    case 'ReviewerAssigned':
    case 'InformationRequested':
    case 'InformationProvided':
    case 'CaseEvaluated':
    case 'CaseResolved':
    case 'ReviewWithdrawn':
    case 'ResolutionIssued':
    case 'CaseClosed':
    case 'DeadlineExpired':
      return { ...state, citizenCase: evolveCitizenCase(state.citizenCase, event) };
    case 'NotificationMadeAvailable':
    case 'NotificationAccessed':
    case 'NotificationAccepted':
    case 'NotificationRejected':
    case 'NotificationDeemedRejected':
      return {
        ...state,
        citizenCase: evolveCitizenCase(state.citizenCase, event),
        notifications: withEntry(state.notifications, event.data.notificationId, (current) =>
          notificationDecider.evolve(current ?? notificationDecider.initialState(), event),
        ),
      };
    case 'PaperCopyPosted':
      return { ...state, paperPost: paperPostDecider.evolve(state.paperPost, event) };
    case 'AlertSent':
    case 'AlertFailed':
      return {
        ...state,
        alerts: withEntry(state.alerts, event.data.alertId, (current) =>
          alertDecider.evolve(current ?? alertDecider.initialState(), event),
        ),
      };
    case 'PowerGranted':
    case 'PowerAccepted':
    case 'PowerRevoked':
      return {
        ...state,
        powers: withEntry(state.powers, event.data.powerId, (current) =>
          powerOfAttorneyDecider.evolve(current ?? powerOfAttorneyDecider.initialState(), event),
        ),
      };
    case 'DocumentRead':
      return { ...state, access: caseAccessDecider.evolve(state.access, event) };
    case 'PaperCopiesDeclined':
    case 'PaperCopiesResumed':
      // A person's standing choice, not a step of any one case.
      return state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

/** What an auditor reads of a case at one point: each aggregate's state, and what its citizen saw then. */
export interface CaseSnapshot {
  readonly filing: ({ readonly procedure: AuditedFiling['procedure'] } & AuditedFiling['state']) | null;
  readonly receipt: ProofOfReceipt;
  readonly review: CaseReview;
  readonly notifications: Readonly<Record<string, Notification>>;
  readonly paperPost: PaperPost;
  readonly alerts: Readonly<Record<string, Alert>>;
  readonly powers: Readonly<Record<string, PowerOfAttorney>>;
  readonly access: CaseAccess;
  /** `citizenViewOf` the case then: null while it had no review (the filing says where it stood). */
  readonly citizen: CitizenView | null;
}

export const snapshotOf = (state: AuditedCase): CaseSnapshot => ({
  filing: state.filing && { procedure: state.filing.procedure, ...state.filing.state },
  receipt: state.receipt,
  review: state.citizenCase.review,
  notifications: state.notifications,
  paperPost: state.paperPost,
  alerts: state.alerts,
  powers: state.powers,
  access: state.access,
  citizen: citizenViewOf(state.citizenCase),
});

/** The case folded over `events` (in log order) from nothing. */
export const foldAuditedCase = (events: readonly ExpedienteEvent[]): AuditedCase =>
  events.reduce(evolveAuditedCase, initialAuditedCase());
