import type { SealOutcome } from './log-checkpointer';
import type { VerificationReport, VerifyOptions } from './log-verifier';

export type { SealOutcome } from './log-checkpointer';
export type { VerificationReport, VerifyOptions, VerifyProgress } from './log-verifier';
export type { Finding, FindingCode } from './findings';
export { describeFinding } from './findings';

/**
 * Tamper evidence for the whole log (docs/ARCHITECTURE.md "Tamper evidence"): signed, chained
 * checkpoints over the log, and verification of the log or of one case against them.
 */
export interface LogIntegrity {
  /** Verifies the events not yet checkpointed and seals them (nothing, when they fail). */
  sealPending(): Promise<SealOutcome>;
  /** How many events wait for a checkpoint, counted up to `limit`. */
  pending(limit: number): Promise<number>;
  /** Events per checkpoint at most (LOG_CHECKPOINT_EVENTS). */
  readonly batchSize: number;
  verifyLog(options?: VerifyOptions): Promise<VerificationReport>;
  verifyCase(caseId: string): Promise<VerificationReport>;
}

export const LOG_INTEGRITY = Symbol('LOG_INTEGRITY');
