/** Rules specific to the medical-assistance entitlement application (seed 001). */
import { addCalendarDays, addCalendarMonths, assertIsoDate, isAfter, type IsoDate } from '../shared/calendar';
import { ValidationError } from '../shared/domain-error';
import { parseIdentityNumber } from '../reference/identity-number';
import type { Attachment } from '../filing/attachment';
import type { Beneficiary } from './entitlement-application.events';

export const beneficiaryMustBeWellFormed = (beneficiary: Beneficiary, index: number): Beneficiary => {
  const field = `beneficiaries[${index}]`;
  const name = beneficiary.name.trim();
  if (name === '') {
    throw new ValidationError('INVALID_BENEFICIARY', 'Every beneficiary needs a name.', {
      field: `${field}.name`,
    });
  }
  const birthDate = assertIsoDate(beneficiary.birthDate, `${field}.birthDate`);
  return beneficiary.identityNumber === undefined || beneficiary.identityNumber.trim() === ''
    ? { name, birthDate }
    : {
        identityNumber: parseIdentityNumber(beneficiary.identityNumber, `${field}.identityNumber`).value,
        name,
        birthDate,
      };
};

/**
 * "Over three months old" on the filing date means three calendar months completed and then
 * some: filing date > birth date + 3 months. Born 23 Aug, the child turns three months on
 * 23 Nov and may be included from 24 Nov; on 23 Nov it is exactly, not over, three months.
 * End-of-month births clamp (born 30 Nov → three months on 28 Feb, included from 1 Mar).
 */
export const firstFilingDateFor = (birthDate: IsoDate): IsoDate =>
  addCalendarDays(addCalendarMonths(birthDate, 3), 1);

export const beneficiaryMustBeOverThreeMonths = (beneficiary: Beneficiary, filingDate: IsoDate): void => {
  const eligibleFrom = firstFilingDateFor(beneficiary.birthDate);
  if (isAfter(eligibleFrom, filingDate)) {
    throw new ValidationError(
      'BENEFICIARY_UNDER_THREE_MONTHS',
      `${beneficiary.name} is not over three months old on the filing date. Children under three months are included through the specific procedure for newborns, not with this application.`,
      { name: beneficiary.name, birthDate: beneficiary.birthDate, filingDate, eligibleFrom },
    );
  }
};

export const hasRemarks = (remarks: string | undefined): remarks is string =>
  remarks !== undefined && remarks.trim() !== '';

const hasApplicationForm = (attachments: readonly Attachment[]): boolean =>
  attachments.some(({ kind }) => kind === 'application-form');

/**
 * The service page: "the remarks should only be completed when an application form is not
 * attached". The application travels either as the filled form or, without one, in the remarks:
 * exactly one of the two.
 */
export const remarksOnlyWithoutApplicationForm = (
  remarks: string | undefined,
  attachments: readonly Attachment[],
): void => {
  if (hasRemarks(remarks) && hasApplicationForm(attachments)) {
    throw new ValidationError(
      'REMARKS_NOT_ALLOWED_WITH_FORM',
      'Remarks are only accepted when no application form is attached; clear the remarks or remove the form.',
      {},
    );
  }
};

export const applicationFormOrRemarks = (
  remarks: string | undefined,
  attachments: readonly Attachment[],
): void => {
  remarksOnlyWithoutApplicationForm(remarks, attachments);
  if (!hasRemarks(remarks) && !hasApplicationForm(attachments)) {
    throw new ValidationError(
      'APPLICATION_FORM_REQUIRED',
      'Attach the filled application form, or, without a form, write your application in the remarks.',
      {},
    );
  }
};
