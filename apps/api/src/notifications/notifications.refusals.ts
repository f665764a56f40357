import type { Refusal } from '../openapi/operation.decorator';

export const NOTIFICATION_ID = 'The notification, as listed in your inbox.';

/** Refusals of every notification operation: a bad id, a session that is not a citizen's, and no standing (404). */
export const NOT_VISIBLE: readonly Refusal[] = [
  { status: 400, codes: ['INVALID_ID'] },
  { status: 403, codes: ['FORBIDDEN_ROLE'] },
  { status: 404, codes: ['NOTIFICATION_NOT_FOUND'] },
];

/** Acting on it: too low a level for a proxy or for special-category data; past its ten days. */
export const NOT_OPENABLE: readonly Refusal[] = [
  ...NOT_VISIBLE,
  { status: 403, codes: ['LEVEL_OF_ASSURANCE_TOO_LOW'] },
  { status: 409, codes: ['NOTIFICATION_DEEMED_REJECTED'] },
];

/** Answering it: once, after it was opened. */
export const NOT_ANSWERABLE: readonly Refusal[] = [
  ...NOT_OPENABLE,
  { status: 409, codes: ['NOTIFICATION_NOT_ACCESSED', 'NOTIFICATION_ALREADY_ANSWERED'] },
];

/** A signed answer: the code, when Cl@ve permanente needs one (SignedCommands), and the version the rules saw. */
export const SIGNED_ANSWER: readonly Refusal[] = [
  ...NOT_ANSWERABLE,
  { status: 403, codes: ['SIGNATURE_OTP_REQUIRED'] },
  { status: 409, codes: ['CONCURRENT_MODIFICATION'] },
  { status: 422, codes: ['SIGNING_CODE_WRONG', 'SIGNING_CODE_EXPIRED', 'SIGNING_CODE_NOT_REQUESTED'] },
  { status: 429, codes: ['SIGNING_CODE_ATTEMPTS_EXHAUSTED'] },
];
