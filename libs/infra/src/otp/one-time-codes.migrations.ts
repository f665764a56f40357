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
];
