import { createHash } from 'node:crypto';
import { SqlClient } from '../sql/sql-client';

export interface AllocatedEntry {
  /** 'YYYY/NNNNNN': numbered per calendar year (Europe/Madrid), from 1. */
  readonly number: string;
  readonly registeredAt: Date;
}

/**
 * The electronic register's numbering. A number is allocated only after the
 * filing passed every rule, so refusals leave no gaps; a lost race for the same
 * draft can (the register records it as unused, like a voided paper entry).
 */
export class ElectronicRegister {
  constructor(private readonly sql: SqlClient) {}

  async allocate(now: Date): Promise<AllocatedEntry> {
    const year = madridYear(now);
    const [row] = await this.sql.query<{ last: number }>(
      `INSERT INTO registry_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = registry_counters.last + 1 RETURNING last`,
      [year],
    );
    return { number: `${year}/${String(row!.last).padStart(6, '0')}`, registeredAt: now };
  }
}

export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  constructor(readonly key: string) {
    super(`The Idempotency-Key "${key}" was already used for a different request.`);
  }
}

/**
 * One key, one request: the first use records a fingerprint of the request;
 * a later use with the same fingerprint is a replay, with another it is refused.
 */
export class IdempotencyKeys {
  constructor(private readonly sql: SqlClient) {}

  async claim(principal: string, key: string, request: unknown, caseId: string): Promise<'first' | 'replay'> {
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const inserted = await this.sql.query(
      `INSERT INTO idempotency_keys (principal, key, fingerprint, case_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [principal, key, fingerprint, caseId],
    );
    if (inserted.length === 1) return 'first';
    const [existing] = await this.sql.query<{ fingerprint: string; case_id: string }>(
      'SELECT fingerprint, case_id FROM idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    if (existing?.fingerprint !== fingerprint || existing.case_id !== caseId)
      throw new IdempotencyKeyReused(key);
    return 'replay';
  }

  /** Frees a key whose first request was refused, so the same key can carry the corrected request. */
  async release(principal: string, key: string): Promise<void> {
    await this.sql.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2', [principal, key]);
  }
}

function madridYear(instant: Date): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Madrid', year: 'numeric' }).format(instant),
  );
}
