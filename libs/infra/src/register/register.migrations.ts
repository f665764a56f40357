import { Migration } from '../sql/migrations';

export const registerMigrations: readonly Migration[] = [
  {
    id: '020_electronic_register',
    sql: `
      CREATE TABLE registry_counters (year integer PRIMARY KEY, last integer NOT NULL);
      CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        fingerprint char(64) NOT NULL,
        case_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      );
      CREATE TABLE benefit_records (
        subject text NOT NULL,
        benefit_request_ref text NOT NULL,
        province_code char(2) NOT NULL,
        benefit text NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, benefit_request_ref, province_code)
      )
    `,
  },
];
