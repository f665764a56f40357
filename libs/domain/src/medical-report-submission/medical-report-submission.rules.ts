/** Rules specific to submitting updated medical reports (seed 000). */
import { ValidationError } from '../shared/domain-error';
import { mustIncludeAttachmentOfKind } from '../filing/filing.rules';
import type { ReportAttachment } from './medical-report-submission.events';

/** The 'NOTES' reference tells the medical unit which benefit request the reports update. */
export const benefitRequestMustBeReferenced = (benefitRequestRef: string): string => {
  const reference = benefitRequestRef.trim();
  if (reference === '') {
    throw new ValidationError(
      'BENEFIT_REQUEST_REF_REQUIRED',
      'Name the benefit request these reports are for (the NOTES reference).',
      {},
    );
  }
  return reference;
};

export const mustIncludeMedicalReport = (attachments: readonly ReportAttachment[]): void =>
  mustIncludeAttachmentOfKind(
    attachments,
    'medical-report',
    new ValidationError('MEDICAL_REPORT_REQUIRED', 'Attach at least one updated medical report.', {}),
  );

/**
 * Reports are only accepted for a benefit under evaluation: the subject must have an active
 * record of that benefit in the INSS province the reports are addressed to.
 */
export const subjectMustHaveActiveBenefitRecord = (
  activeBenefitRecord: boolean,
  facts: { subject: string; benefitRequestRef: string; provinceCode: string },
): void => {
  if (!activeBenefitRecord) {
    throw new ValidationError(
      'NO_ACTIVE_BENEFIT_RECORD',
      `There is no active record of benefit request ${facts.benefitRequestRef} for this person in province ${facts.provinceCode}; check the NOTES reference and the province.`,
      facts,
    );
  }
};
