import { Migration } from '../sql/migrations';

/**
 * The auditors' who-did-what index: one row per event, keyed by its log position. Every search
 * filters on one of actor, case or type (or none) and pages by (recorded_at, position), so each
 * has an index that serves the filter and the order at once (audit-activity.int.spec.ts checks
 * the plans); `stream` finds a notification's case for its later steps.
 */
export const auditActivityMigrations: readonly Migration[] = [
  {
    id: '070_audit_activity',
    sql: `
      CREATE TABLE audit_activity (
        position bigint PRIMARY KEY,
        event_id uuid NOT NULL,
        stream text COLLATE "C" NOT NULL,
        type text COLLATE "C" NOT NULL,
        case_id text COLLATE "C",
        actor text COLLATE "C",
        actor_name text,
        role text,
        level_of_assurance text,
        recorded_at timestamptz NOT NULL
      );
      CREATE INDEX audit_activity_time ON audit_activity (recorded_at, position);
      CREATE INDEX audit_activity_actor ON audit_activity (actor, recorded_at, position);
      CREATE INDEX audit_activity_case ON audit_activity (case_id, recorded_at, position);
      CREATE INDEX audit_activity_type ON audit_activity (type, recorded_at, position);
      CREATE INDEX audit_activity_stream ON audit_activity (stream) WHERE case_id IS NOT NULL
    `,
  },
];
