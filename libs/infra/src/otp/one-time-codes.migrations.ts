import { Migration } from '../sql/migrations';

/**
 * One pending code per (subject, purpose): issuing again overwrites it. Only a salted hash of
 * the code is stored, so the database, its backups and query logs never hold a usable code.
 */
export const oneTimeCodeMigrations: Migration[] = [
  {
    id: '010_one_time_codes',
    sql: `
      CREATE TABLE one_time_codes (
        subject text NOT NULL,
        purpose text NOT NULL,
        salt text NOT NULL,
        code_hash text NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts_left integer NOT NULL CHECK (attempts_left >= 0),
        PRIMARY KEY (subject, purpose)
      )
    `,
  },
  {
    // Wrong guesses count against (subject, purpose), not against one code: a new code must not
    // restore them, and an expired code's clean-up must not forget them.
    id: '011_one_time_code_guesses',
    sql: `
      CREATE TABLE one_time_code_guesses (
        subject text NOT NULL,
        purpose text NOT NULL,
        wrong integer NOT NULL CHECK (wrong > 0),
        window_ends_at timestamptz NOT NULL,
        PRIMARY KEY (subject, purpose)
      );
      ALTER TABLE one_time_codes DROP COLUMN attempts_left
    `,
  },
];
