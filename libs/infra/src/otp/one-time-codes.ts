import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { SqlClient } from '../sql/sql-client';
import { processClock } from '../clock/clock';

export const ONE_TIME_CODE_TTL_MS = 5 * 60 * 1000;
export const ONE_TIME_CODE_ATTEMPTS = 3;
const CODE_SPACE = 1_000_000;

export interface IssuedCode {
  /** The plain code, to be sent to the person and then forgotten: it is never stored. */
  readonly code: string;
  readonly expiresAt: Date;
}

export type VerifyOutcome =
  | { readonly outcome: 'ok' }
  | { readonly outcome: 'wrong'; readonly attemptsLeft: number }
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'exhausted' }
  /** Nothing pending: never requested, replaced and cleaned up, or already used. */
  | { readonly outcome: 'none' };

interface CodeRow {
  salt: string;
  code_hash: string;
  expires_at: Date | string;
  attempts_left: number;
}

/**
 * Six-digit one-time codes (the SMS signing code for Cl@ve permanente), keyed by who it is for
 * and what it confirms, e.g. (subject, 'sign:<caseId>'), so a code for one case signs no other.
 *
 * The hash is salted sha-256 rather than an HMAC: an HMAC key would have to be shared by every
 * API replica through configuration. A salted hash keeps codes out of plain sight; what limits
 * guessing is the five-minute life and the three attempts, both enforced here.
 */
export class OneTimeCodes {
  constructor(
    private readonly sql: SqlClient,
    private readonly now: () => Date = () => processClock.now(),
  ) {}

  /** Replaces any pending code for the same subject and purpose. */
  async issue(subject: string, purpose: string): Promise<IssuedCode> {
    assertKey(subject, purpose);
    const now = this.now();
    const code = randomInt(0, CODE_SPACE).toString().padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_TTL_MS);
    await this.sql.transaction(async (tx) => {
      // The subject's dead codes go here, on the primary key's prefix, so no sweeper is needed.
      await tx.query('DELETE FROM one_time_codes WHERE subject = $1 AND expires_at <= $2', [subject, now]);
      await tx.query(
        `INSERT INTO one_time_codes (subject, purpose, salt, code_hash, issued_at, expires_at, attempts_left)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (subject, purpose) DO UPDATE SET
           salt = EXCLUDED.salt, code_hash = EXCLUDED.code_hash, issued_at = EXCLUDED.issued_at,
           expires_at = EXCLUDED.expires_at, attempts_left = EXCLUDED.attempts_left`,
        [subject, purpose, salt, hashCode(salt, code), now, expiresAt, ONE_TIME_CODE_ATTEMPTS],
      );
    });
    return { code, expiresAt };
  }

  /**
   * A wrong guess costs an attempt even though it fails, so the outcome is returned, not thrown
   * (throwing would roll the decrement back). The row is locked, so two confirmations racing
   * with the right code succeed once.
   */
  async verify(subject: string, purpose: string, candidate: string): Promise<VerifyOutcome> {
    assertKey(subject, purpose);
    const now = this.now();
    return this.sql.transaction(async (tx): Promise<VerifyOutcome> => {
      const [row] = await tx.query<CodeRow>(
        `SELECT salt, code_hash, expires_at, attempts_left FROM one_time_codes
         WHERE subject = $1 AND purpose = $2 FOR UPDATE`,
        [subject, purpose],
      );
      if (!row) return { outcome: 'none' };
      if (row.attempts_left <= 0) return { outcome: 'exhausted' };
      if (now.getTime() >= new Date(row.expires_at).getTime()) return { outcome: 'expired' };
      if (sameHash(row.code_hash, hashCode(row.salt, candidate))) {
        await tx.query('DELETE FROM one_time_codes WHERE subject = $1 AND purpose = $2', [subject, purpose]);
        return { outcome: 'ok' };
      }
      const [updated] = await tx.query<{ attempts_left: number }>(
        `UPDATE one_time_codes SET attempts_left = attempts_left - 1
         WHERE subject = $1 AND purpose = $2 RETURNING attempts_left`,
        [subject, purpose],
      );
      return { outcome: 'wrong', attemptsLeft: updated?.attempts_left ?? 0 };
    });
  }
}

function hashCode(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

/** Constant time, so response timing says nothing about how close a guess was. */
function sameHash(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(computed, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function assertKey(subject: string, purpose: string): void {
  if (subject.length === 0 || subject.length > 32) throw new RangeError('subject must be 1 to 32 characters');
  if (purpose.length === 0 || purpose.length > 200)
    throw new RangeError('purpose must be 1 to 200 characters');
}
