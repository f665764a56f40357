import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { SqlClient } from '../sql/sql-client';
import { processClock } from '../clock/clock';

export const ONE_TIME_CODE_TTL_MS = 5 * 60 * 1000;
const CODE_SPACE = 1_000_000;

/** How many wrong codes a person may send for one purpose in a window opened by the first. */
export interface GuessBudget {
  readonly limit: number;
  readonly windowMs: number;
}
export const DEFAULT_GUESS_BUDGET: GuessBudget = { limit: 3, windowMs: 60 * 60 * 1000 };

export interface IssuedCode {
  /** The plain code, to be sent to the person and then forgotten: it is never stored. */
  readonly code: string;
  readonly expiresAt: Date;
}

export type VerifyOutcome =
  | { readonly outcome: 'ok' }
  /** `retryAt`: when the budget is whole again (the window's end). */
  | { readonly outcome: 'wrong'; readonly attemptsLeft: number; readonly retryAt: Date }
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'exhausted'; readonly retryAt: Date }
  /** Nothing pending: never requested, replaced and cleaned up, or already used. */
  | { readonly outcome: 'none' };

interface CodeRow {
  salt: string;
  code_hash: string;
  expires_at: Date | string;
}

interface GuessesRow {
  wrong: number;
  window_ends_at: Date | string;
}

/**
 * Six-digit one-time codes (the SMS signing code for Cl@ve permanente), keyed by who it is for
 * and what it confirms, e.g. (subject, 'sign:<caseId>'), so a code for one case signs no other.
 *
 * The hash is salted sha-256 rather than an HMAC: an HMAC key would have to be shared by every
 * API replica through configuration. A salted hash keeps codes out of plain sight; what limits
 * guessing is the five-minute life and the guess budget, both enforced here.
 *
 * The budget belongs to (subject, purpose), not to a code: were it per code, asking for a new
 * code would buy three more guesses, without end. It is a window (default 3 per hour) rather
 * than the filing's whole life, so a person who mistypes three times can still sign later,
 * while someone holding a stolen session gets 72 guesses a day at a one-in-a-million code.
 * A right code clears it: the person proved they hold the phone.
 */
export class OneTimeCodes {
  constructor(
    private readonly sql: SqlClient,
    private readonly now: () => Date = () => processClock.now(),
    private readonly budget: GuessBudget = DEFAULT_GUESS_BUDGET,
  ) {}

  /** Replaces any pending code for the same subject and purpose. */
  async issue(subject: string, purpose: string): Promise<IssuedCode> {
    assertKey(subject, purpose);
    const now = this.now();
    const code = randomInt(0, CODE_SPACE).toString().padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_TTL_MS);
    await this.sql.transaction(async (tx) => {
      // The subject's dead codes and budgets go here, on the primary key's prefix: no sweeper needed.
      await tx.query('DELETE FROM one_time_codes WHERE subject = $1 AND expires_at <= $2', [subject, now]);
      await tx.query('DELETE FROM one_time_code_guesses WHERE subject = $1 AND window_ends_at <= $2', [
        subject,
        now,
      ]);
      await tx.query(
        `INSERT INTO one_time_codes (subject, purpose, salt, code_hash, issued_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (subject, purpose) DO UPDATE SET
           salt = EXCLUDED.salt, code_hash = EXCLUDED.code_hash, issued_at = EXCLUDED.issued_at,
           expires_at = EXCLUDED.expires_at`,
        [subject, purpose, salt, hashCode(salt, code), now, expiresAt],
      );
    });
    return { code, expiresAt };
  }

  /** When the budget for this purpose is spent, the time it is whole again; otherwise undefined. */
  async exhaustedUntil(subject: string, purpose: string): Promise<Date | undefined> {
    assertKey(subject, purpose);
    const [row] = await this.sql.query<GuessesRow>(
      'SELECT wrong, window_ends_at FROM one_time_code_guesses WHERE subject = $1 AND purpose = $2',
      [subject, purpose],
    );
    return this.spentUntil(row, this.now());
  }

  /**
   * A wrong guess costs the budget even though it fails, so the outcome is returned, not thrown
   * (throwing would roll the count back). The code's row is locked, so confirmations for one
   * purpose run one at a time: two racing with the right code succeed once, and racing wrong
   * guesses are each counted.
   */
  async verify(subject: string, purpose: string, candidate: string): Promise<VerifyOutcome> {
    assertKey(subject, purpose);
    const now = this.now();
    return this.sql.transaction(async (tx): Promise<VerifyOutcome> => {
      const [row] = await tx.query<CodeRow>(
        `SELECT salt, code_hash, expires_at FROM one_time_codes
         WHERE subject = $1 AND purpose = $2 FOR UPDATE`,
        [subject, purpose],
      );
      const [guesses] = await tx.query<GuessesRow>(
        'SELECT wrong, window_ends_at FROM one_time_code_guesses WHERE subject = $1 AND purpose = $2',
        [subject, purpose],
      );
      const spent = this.spentUntil(guesses, now);
      if (spent) return { outcome: 'exhausted', retryAt: spent };
      if (!row) return { outcome: 'none' };
      if (now.getTime() >= new Date(row.expires_at).getTime()) return { outcome: 'expired' };
      if (sameHash(row.code_hash, hashCode(row.salt, candidate))) {
        for (const table of ['one_time_codes', 'one_time_code_guesses'])
          await tx.query(`DELETE FROM ${table} WHERE subject = $1 AND purpose = $2`, [subject, purpose]);
        return { outcome: 'ok' };
      }
      // A window that has run out starts again with this guess.
      const [counted] = await tx.query<GuessesRow>(
        `INSERT INTO one_time_code_guesses AS g (subject, purpose, wrong, window_ends_at)
         VALUES ($1, $2, 1, $3)
         ON CONFLICT (subject, purpose) DO UPDATE SET
           wrong = CASE WHEN g.window_ends_at <= $4 THEN 1 ELSE g.wrong + 1 END,
           window_ends_at = CASE WHEN g.window_ends_at <= $4 THEN EXCLUDED.window_ends_at ELSE g.window_ends_at END
         RETURNING wrong, window_ends_at`,
        [subject, purpose, new Date(now.getTime() + this.budget.windowMs), now],
      );
      return {
        outcome: 'wrong',
        attemptsLeft: Math.max(0, this.budget.limit - (counted?.wrong ?? this.budget.limit)),
        retryAt: new Date(counted?.window_ends_at ?? now),
      };
    });
  }

  private spentUntil(row: GuessesRow | undefined, now: Date): Date | undefined {
    if (!row || row.wrong < this.budget.limit) return undefined;
    const endsAt = new Date(row.window_ends_at);
    return endsAt.getTime() > now.getTime() ? endsAt : undefined;
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
