/** The domain's public API: deciders, their commands, events and states, rules and errors. */
export * from './shared/domain-error';
export * from './shared/command-metadata';
export * from './shared/decider';
export * from './shared/calendar';
export * from './shared/sha256';

export * from './reference/provinces';
export * from './reference/identity-number';

export * from './power-of-attorney/power-of-attorney.events';
export * from './power-of-attorney/power-of-attorney.commands';
export {
  powerOfAttorneyDecider,
  type PowerOfAttorney,
  type PowerTerms,
} from './power-of-attorney/power-of-attorney.decider';
export * from './power-of-attorney/power-of-attorney.rules';

export * from './filing/attachment';
export * from './filing/filing.events';
export * from './filing/filing.commands';
export * from './filing/filing.lifecycle';
export * from './filing/filing.rules';
export * from './filing/case-reading.rules';

export * from './medical-report-submission/medical-report-submission.events';
export * from './medical-report-submission/medical-report-submission.commands';
export * from './medical-report-submission/medical-report-submission.rules';
export {
  medicalReportSubmissionDecider,
  type MedicalReportSubmission,
  type ReportDraft,
} from './medical-report-submission/medical-report-submission.decider';

export * from './entitlement-application/entitlement-application.events';
export * from './entitlement-application/entitlement-application.commands';
export * from './entitlement-application/entitlement-application.rules';
export {
  entitlementApplicationDecider,
  type EntitlementApplication,
  type EntitlementDraft,
} from './entitlement-application/entitlement-application.decider';

export * from './calendar/holiday-calendar';
export * from './calendar/business-days';
export * from './calendar/madrid-time';
export * from './calendar/holidays-2026.sample';

export * from './case-review/case-review.events';
export * from './case-review/case-review.commands';
export * from './case-review/deadlines';
export {
  type CaseReview,
  type InformationRequest,
  type IssuedResolution,
  type Resolution,
  type ReviewFile,
  resolvedAtOf,
} from './case-review/case-review.state';
export { caseReviewDecider } from './case-review/case-review.decider';
export * from './case-review/citizen-status';

export * from './proof-of-receipt/proof-of-receipt.events';
export * from './proof-of-receipt/proof-of-receipt.commands';
export { proofOfReceiptDecider, type ProofOfReceipt } from './proof-of-receipt/proof-of-receipt.decider';

export * from './notification/notification.events';
export * from './notification/notification.commands';
export * from './notification/notification.rules';
export * from './notification/notification-reading.rules';
export * from './notification/proof-of-delivery';
export { notificationDecider, type Notice, type Notification } from './notification/notification.decider';

export * from './paper-post/paper-post.events';
export * from './paper-post/paper-post.commands';
export { paperPostDecider, type PaperPost } from './paper-post/paper-post.decider';

export * from './notification-preferences/notification-preferences.events';
export * from './notification-preferences/notification-preferences.commands';
export {
  notificationPreferencesDecider,
  paperCopyOwed,
  type NotificationPreferences,
} from './notification-preferences/notification-preferences.decider';

export * from './expediente-events';

export * from './alert/alert.events';
export * from './alert/alert.commands';
export { alertDecider, type Alert } from './alert/alert.decider';

export * from './audit/audited-case';
export * from './audit/state-diff';
export * from './case-access/case-access.rules';
export * from './case-access/case-documents';
export * from './case-access/case-access.events';
export * from './case-access/case-access.commands';
export { caseAccessDecider, type CaseAccess } from './case-access/case-access.decider';
