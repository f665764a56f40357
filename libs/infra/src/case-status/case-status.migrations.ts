import { Migration } from '../sql/migrations';

export const caseStatusMigrations: readonly Migration[] = [
  {
    id: '030_case_status',
    sql: `
      CREATE TABLE case_status (
        case_id text PRIMARY KEY,
        procedure text NOT NULL,
        filer text NOT NULL,
        subject text NOT NULL,
        status text NOT NULL,
        province_code text,
        unit_id text,
        unit_name text,
        registry_number text,
        registered_at timestamptz,
        receipt_csv text,
        receipt_status text NOT NULL DEFAULT 'none',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX case_status_filer ON case_status (filer, updated_at DESC);
      CREATE INDEX case_status_subject ON case_status (subject, updated_at DESC);
      CREATE TABLE case_timeline (
        case_id text NOT NULL,
        position bigint NOT NULL,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        text text NOT NULL,
        actor text,
        PRIMARY KEY (case_id, position)
      );
      CREATE TABLE powers_of_attorney (
        power_id text PRIMARY KEY,
        principal text NOT NULL,
        proxy text NOT NULL,
        procedures text[] NOT NULL,
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        status text NOT NULL
      );
      CREATE INDEX powers_by_proxy ON powers_of_attorney (proxy);
      CREATE TABLE receipts (
        csv text PRIMARY KEY,
        case_id text NOT NULL,
        registry_number text NOT NULL,
        registered_at timestamptz NOT NULL,
        pdf_hash char(64) NOT NULL,
        p7s_hash char(64) NOT NULL,
        zip_hash char(64) NOT NULL,
        facts jsonb NOT NULL
      )
    `,
  },
  {
    // The review and its notification, folded as the domain's CitizenCase (JSON), and each
    // timeline entry's message, so it reads in the citizen's language; `text` keeps the Spanish.
    id: '035_case_status_citizen_steps',
    sql: `
      ALTER TABLE case_status ADD COLUMN citizen jsonb;
      ALTER TABLE case_status ADD COLUMN citizen_position bigint NOT NULL DEFAULT 0;
      ALTER TABLE case_status ADD COLUMN notification_id text;
      CREATE INDEX case_status_notification ON case_status (notification_id);
      ALTER TABLE case_timeline ADD COLUMN message jsonb
    `,
  },
];
