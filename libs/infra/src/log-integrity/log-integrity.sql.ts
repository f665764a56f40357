import { Seal } from '../seal/seal';
import { SqlClient } from '../sql/sql-client';
import { TimeStampAuthority } from '../timestamp/timestamp-authority.port';
import { Trust } from './checkpoint-checks';
import { LogCheckpointer, SealOutcome } from './log-checkpointer';
import { LogIntegrity } from './log-integrity.port';
import { VerificationReport, verifyCase, verifyLog, VerifyOptions } from './log-verifier';

/** Checkpoints and verification over the SQL event store's `events` table (PostgreSQL and PGlite). */
export class SqlLogIntegrity implements LogIntegrity {
  private readonly checkpointer: LogCheckpointer;
  private readonly trust: Trust;

  constructor(
    private readonly sql: SqlClient,
    seal: Seal,
    tsa: TimeStampAuthority | undefined,
    options: { readonly clock: () => Date; readonly checkpointEvents: number },
  ) {
    this.checkpointer = new LogCheckpointer(sql, seal, tsa, options.clock, options.checkpointEvents);
    this.trust = {
      sealCertificatePem: seal.certificatePem,
      ...(tsa && { timestampAuthorityCertificatePem: tsa.certificatePem }),
    };
  }

  get batchSize(): number {
    return this.checkpointer.batchSize;
  }

  sealPending(): Promise<SealOutcome> {
    return this.checkpointer.sealPending();
  }

  pending(limit: number): Promise<number> {
    return this.checkpointer.pending(limit);
  }

  verifyLog(options?: VerifyOptions): Promise<VerificationReport> {
    return verifyLog(this.sql, this.trust, options);
  }

  verifyCase(caseId: string): Promise<VerificationReport> {
    return verifyCase(this.sql, this.trust, caseId);
  }
}
