import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/async';
import { createTestSchema } from '../../../../test/support/postgres';
import { migrate } from '../sql/migrations';
import { SqlClient } from '../sql/sql-client';
import { createPgliteClient } from '../sql/sql-client.pglite';
import { ONE_TIME_CODE_TTL_MS, OneTimeCodes } from './one-time-codes';
import { oneTimeCodeMigrations } from './one-time-codes.migrations';

const SUBJECT = '12345678Z';
const START = new Date('2026-11-23T10:00:00Z');

interface OpenDatabase {
  readonly sql: SqlClient;
  close(): Promise<void>;
}

async function waitingOnOneTimeCodes(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE wait_event_type = 'Lock' AND query LIKE '%one_time_codes%' AND pid <> pg_backend_pid()`,
  );
  return row?.n ?? 0;
}

/** Any six digits but the right ones. */
const wrongCodeFor = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function oneTimeCodesSpecification(
  open: () => Promise<OpenDatabase>,
  options: { concurrent: boolean },
): void {
  let db: OpenDatabase;
  let now: Date;
  let codes: OneTimeCodes;
  let purpose: string;

  beforeAll(async () => {
    db = await open();
    await migrate(db.sql, oneTimeCodeMigrations);
  });
  afterAll(() => db?.close());
  beforeEach(() => {
    now = START;
    codes = new OneTimeCodes(db.sql, () => now);
    purpose = `sign:${randomUUID()}`;
  });

  it('issues six-digit codes that expire five minutes later', async () => {
    const issued = await codes.issue(SUBJECT, purpose);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.expiresAt.getTime() - START.getTime()).toBe(5 * 60 * 1000);
  });

  it('accepts the right code only once', async () => {
    const { code } = await codes.issue(SUBJECT, purpose);
    expect(await codes.verify(SUBJECT, purpose, code)).toEqual({ outcome: 'ok' });
    expect(await codes.verify(SUBJECT, purpose, code)).toEqual({ outcome: 'none' });
  });

  it('accepts a code just before five minutes and refuses it as expired at five minutes', async () => {
    const early = await codes.issue(SUBJECT, purpose);
    now = new Date(START.getTime() + ONE_TIME_CODE_TTL_MS - 1);
    expect(await codes.verify(SUBJECT, purpose, early.code)).toEqual({ outcome: 'ok' });

    now = START;
    const late = await codes.issue(SUBJECT, purpose);
    now = new Date(START.getTime() + ONE_TIME_CODE_TTL_MS);
    expect(await codes.verify(SUBJECT, purpose, late.code)).toEqual({ outcome: 'expired' });
  });

  it('refuses even the right code after three wrong ones, until the hour is over', async () => {
    const { code } = await codes.issue(SUBJECT, purpose);
    const wrong = wrongCodeFor(code);
    const hourLater = new Date(START.getTime() + 60 * 60 * 1000);
    for (const attemptsLeft of [2, 1, 0])
      expect(await codes.verify(SUBJECT, purpose, wrong)).toEqual({
        outcome: 'wrong',
        attemptsLeft,
        retryAt: hourLater,
      });
    expect(await codes.verify(SUBJECT, purpose, code)).toEqual({ outcome: 'exhausted', retryAt: hourLater });
    expect(await codes.exhaustedUntil(SUBJECT, purpose)).toEqual(hourLater);

    now = hourLater;
    expect(await codes.exhaustedUntil(SUBJECT, purpose)).toBeUndefined();
    const fresh = await codes.issue(SUBJECT, purpose);
    expect(await codes.verify(SUBJECT, purpose, wrongCodeFor(fresh.code))).toMatchObject({ attemptsLeft: 2 });
    expect(await codes.verify(SUBJECT, purpose, fresh.code)).toEqual({ outcome: 'ok' });
  });

  it('stores a salted hash, never the code itself', async () => {
    const { code } = await codes.issue(SUBJECT, purpose);
    const [row] = await db.sql.query<Record<string, unknown>>(
      'SELECT * FROM one_time_codes WHERE subject = $1 AND purpose = $2',
      [SUBJECT, purpose],
    );
    expect(row).toBeDefined();
    expect(Object.values(row ?? {}).map(String)).not.toContain(code);
    expect(row?.code_hash).toMatch(/^[0-9a-f]{64}$/);

    // The same code under another salt hashes differently, so equal codes are not visible as such.
    const other = `sign:${randomUUID()}`;
    await codes.issue(SUBJECT, other);
    const hashes = await db.sql.query<{ code_hash: string; salt: string }>(
      'SELECT code_hash, salt FROM one_time_codes WHERE subject = $1 AND purpose IN ($2, $3)',
      [SUBJECT, purpose, other],
    );
    expect(new Set(hashes.map((h) => h.salt)).size).toBe(2);
  });

  it('replaces the previous code with a new one, without restoring the wrong guesses', async () => {
    const first = await codes.issue(SUBJECT, purpose);
    await codes.verify(SUBJECT, purpose, wrongCodeFor(first.code));
    await codes.verify(SUBJECT, purpose, wrongCodeFor(first.code));
    let second = await codes.issue(SUBJECT, purpose);
    while (second.code === first.code) second = await codes.issue(SUBJECT, purpose);

    expect(await codes.verify(SUBJECT, purpose, first.code)).toMatchObject({
      outcome: 'wrong',
      attemptsLeft: 0,
    });
    expect(await codes.verify(SUBJECT, purpose, second.code)).toMatchObject({ outcome: 'exhausted' });
    // Nor does an expired code, whose row issue() cleans up, take the count with it.
    now = new Date(START.getTime() + ONE_TIME_CODE_TTL_MS);
    const third = await codes.issue(SUBJECT, purpose);
    expect(await codes.verify(SUBJECT, purpose, third.code)).toMatchObject({ outcome: 'exhausted' });
  });

  it('clears the wrong guesses once the right code is given', async () => {
    const first = await codes.issue(SUBJECT, purpose);
    await codes.verify(SUBJECT, purpose, wrongCodeFor(first.code));
    await codes.verify(SUBJECT, purpose, wrongCodeFor(first.code));
    expect(await codes.verify(SUBJECT, purpose, first.code)).toEqual({ outcome: 'ok' });
    const next = await codes.issue(SUBJECT, purpose);
    expect(await codes.verify(SUBJECT, purpose, wrongCodeFor(next.code))).toMatchObject({ attemptsLeft: 2 });
  });

  it('answers none when no code was requested', async () => {
    expect(await codes.verify(SUBJECT, purpose, '123456')).toEqual({ outcome: 'none' });
  });

  it('does not confirm one purpose or person with the code sent for another', async () => {
    const { code } = await codes.issue(SUBJECT, purpose);
    expect(await codes.verify(SUBJECT, `sign:${randomUUID()}`, code)).toEqual({ outcome: 'none' });
    expect(await codes.verify('X1234567L', purpose, code)).toEqual({ outcome: 'none' });
    expect(await codes.verify(SUBJECT, purpose, code)).toEqual({ outcome: 'ok' });
  });

  // PGlite is one connection that runs transactions one after another, so it cannot race.
  if (options.concurrent) {
    it('lets two confirmations racing with the right code succeed only once', async () => {
      const { code } = await codes.issue(SUBJECT, purpose);
      // Hold the row so both confirmations are in flight at once, then let go.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holder = db.sql.transaction(async (tx) => {
        await tx.query('SELECT 1 FROM one_time_codes WHERE subject = $1 AND purpose = $2 FOR UPDATE', [
          SUBJECT,
          purpose,
        ]);
        await held;
      });
      const racing = [codes.verify(SUBJECT, purpose, code), codes.verify(SUBJECT, purpose, code)];
      await eventually(async () => (await waitingOnOneTimeCodes(db.sql)) >= 2, 'both confirmations waiting');
      release();
      await holder;
      const outcomes = await Promise.all(racing);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['none', 'ok']);
    });
  }
}

describe('one-time codes on PostgreSQL', () => {
  oneTimeCodesSpecification(
    async () => {
      const schema = await createTestSchema('otp');
      return { sql: schema.client, close: () => schema.drop() };
    },
    { concurrent: true },
  );
});

describe('one-time codes on PGlite', () => {
  oneTimeCodesSpecification(
    async () => {
      const sql = await createPgliteClient();
      return { sql, close: () => sql.close() };
    },
    { concurrent: false },
  );
});
