import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';

/**
 * What a Submit command carries besides its case id. The handler fetches or allocates all of
 * it (OTP check, register number, receipt CSV, the powers between filer and subject) so the
 * decider stays pure; the decider still judges it.
 */
export interface SubmissionEvidence {
  /** Whether the SMS one-time code was verified; required for Cl@ve permanente. */
  readonly otpVerified: boolean;
  readonly registryEntry: { readonly number: string; readonly registeredAt: Date };
  readonly receiptCsv: string;
  /** Every power the subject granted the filer; empty when filing in one's own name. */
  readonly powersOfAttorney: readonly PowerOfAttorney[];
  /** The subject's name, when the register knows it (see FilingRecord.subjectName). */
  readonly subjectName?: string;
}

/**
 * What a withdrawal must know about the rest of the case: whether the medical unit has
 * resolved it. The handler reads it from the review's stream (case-review `resolvedAtOf`).
 */
export interface WithdrawalEvidence {
  /** When the case was resolved; null while unresolved or not yet under review. */
  readonly resolvedAt: string | null;
  /**
   * The case's review had not opened, so it could not record the withdrawal first: the
   * withdrawal asks the worker to withdraw the review once it opens.
   */
  readonly reviewPending?: boolean;
}
