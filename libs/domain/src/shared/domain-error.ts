/**
 * A refusal from the domain. These are the only classes in libs/domain: they extend Error so
 * a stack trace survives, and the API's exception filter maps `kind` to an HTTP status and
 * `code` + `facts` to problem+json. Codes are stable: clients and translations key on them.
 */

export type DomainErrorKind = 'validation' | 'illegal-state' | 'forbidden' | 'not-found' | 'conflict';

/** Every refusal code the domain can produce, so the API can document them all. */
export type DomainErrorCode =
  // shared / reference
  | 'UNKNOWN_COMMAND'
  | 'INVALID_DATE'
  | 'UNKNOWN_PROVINCE'
  | 'INVALID_IDENTITY_NUMBER'
  // power of attorney
  | 'POWER_VOID_BEFORE_2021_04_02'
  | 'POWER_PERIOD_INVALID'
  | 'POWER_PROCEDURES_REQUIRED'
  | 'POWER_TO_SELF'
  | 'POWER_ALREADY_GRANTED'
  | 'POWER_NOT_FOUND'
  | 'POWER_ALREADY_ACCEPTED'
  | 'POWER_ALREADY_REVOKED'
  | 'POWER_EXPIRED'
  | 'ONLY_PROXY_MAY_ACCEPT'
  | 'ONLY_PRINCIPAL_MAY_REVOKE'
  // filing (both procedures)
  | 'CASE_ALREADY_EXISTS'
  | 'CASE_NOT_FOUND'
  | 'NOT_THE_FILER'
  | 'ALREADY_SUBMITTED'
  | 'ALREADY_WITHDRAWN'
  | 'NOT_SUBMITTED'
  | 'INVALID_ATTACHMENT'
  | 'ATTACHMENT_KIND_NOT_ALLOWED'
  | 'ATTACHMENT_ALREADY_ATTACHED'
  | 'ATTACHMENT_NOT_FOUND'
  | 'ATTACHMENTS_TOO_LARGE'
  | 'REPRESENTATION_REQUIRED'
  | 'LEVEL_OF_ASSURANCE_TOO_LOW'
  | 'SIGNATURE_OTP_REQUIRED'
  | 'FORBIDDEN_ROLE'
  // medical report submission
  | 'BENEFIT_REQUEST_REF_REQUIRED'
  | 'MEDICAL_REPORT_REQUIRED'
  | 'NO_ACTIVE_BENEFIT_RECORD'
  // entitlement application
  | 'INVALID_BENEFICIARY'
  | 'BENEFICIARY_UNDER_THREE_MONTHS'
  | 'APPLICATION_FORM_REQUIRED'
  | 'REMARKS_NOT_ALLOWED_WITH_FORM'
  // business-day calendar
  | 'INVALID_DAY_COUNT'
  | 'HOLIDAY_CALENDAR_NOT_COVERED'
  // case review (the medical unit's work on a filed case)
  | 'REVIEW_ALREADY_OPEN'
  | 'REVIEW_NOT_FOUND'
  | 'NOT_UNIT_STAFF'
  | 'WRONG_UNIT'
  | 'ONLY_SUPERVISOR_MAY_ASSIGN'
  | 'CASE_ALREADY_ASSIGNED'
  | 'ALREADY_ASSIGNED_TO_REVIEWER'
  | 'REASSIGNMENT_REASON_REQUIRED'
  | 'CASE_NOT_ASSIGNED'
  | 'NOT_ASSIGNED_TO_YOU'
  | 'NOT_YOUR_CASE'
  | 'INFORMATION_REQUEST_REQUIRED'
  | 'INVALID_DUE_DATE'
  | 'NOT_AWAITING_INFORMATION'
  | 'CASE_AWAITING_INFORMATION'
  | 'INFORMATION_REQUIRED'
  | 'FINDINGS_REQUIRED'
  | 'CASE_ALREADY_EVALUATED'
  | 'CASE_NOT_EVALUATED'
  | 'INVALID_OUTCOME'
  | 'GROUNDS_REQUIRED'
  | 'LEGAL_BASIS_REQUIRED'
  | 'CASE_ALREADY_RESOLVED'
  | 'CASE_NOT_RESOLVED'
  | 'INVALID_DOCUMENT_HASH'
  | 'RESOLUTION_ALREADY_ISSUED'
  | 'RESOLUTION_NOT_ISSUED'
  | 'CASE_ALREADY_CLOSED'
  | 'DEADLINE_NOT_RUNNING'
  | 'STALE_DEADLINE'
  | 'NOT_YET_DUE'
  // notification
  | 'NOTIFICATION_ALREADY_EXISTS'
  | 'NOTIFICATION_NOT_FOUND'
  | 'NOTIFICATION_SUBJECT_REQUIRED'
  | 'NOT_THE_ADDRESSEE'
  | 'NOTIFICATION_NOT_ACCESSED'
  | 'NOTIFICATION_ALREADY_ANSWERED'
  | 'NOTIFICATION_DEEMED_REJECTED'
  | 'ALREADY_ACCESSED'
  // notification preferences
  | 'NOT_YOUR_PREFERENCES';

/** JSON-safe values only: facts end up in problem+json bodies and in logs. */
export type Fact = string | number | boolean | null | readonly Fact[] | { readonly [key: string]: Fact };
export type Facts = Readonly<Record<string, Fact>>;

abstract class DomainErrorBase extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly facts: Facts = {},
  ) {
    super(message);
  }
}

/** The command is malformed or breaks a business rule the filer can fix (422). */
export class ValidationError extends DomainErrorBase {
  override readonly name = 'ValidationError';
  readonly kind = 'validation' as const;
}

/** The command does not fit the aggregate's current state (409). */
export class IllegalState extends DomainErrorBase {
  override readonly name = 'IllegalState';
  readonly kind = 'illegal-state' as const;
}

/** The actor may not do this, e.g. acts for someone else without representation (403). */
export class Forbidden extends DomainErrorBase {
  override readonly name = 'Forbidden';
  readonly kind = 'forbidden' as const;
}

/** The aggregate (or a part of it the command names) does not exist (404). */
export class NotFound extends DomainErrorBase {
  override readonly name = 'NotFound';
  readonly kind = 'not-found' as const;
}

/** The command would duplicate something that already exists (409). */
export class Conflict extends DomainErrorBase {
  override readonly name = 'Conflict';
  readonly kind = 'conflict' as const;
}

export type DomainError = ValidationError | IllegalState | Forbidden | NotFound | Conflict;

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainErrorBase;

/** For the `never` branch of every decide switch: reaching it means a caller bypassed the types. */
export const unknownCommand = (command: never): ValidationError =>
  new ValidationError('UNKNOWN_COMMAND', 'This command is not known to the aggregate.', {
    type: String((command as { type?: unknown }).type),
  });
