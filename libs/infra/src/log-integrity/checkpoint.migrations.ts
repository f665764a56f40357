import { Migration } from '../sql/migrations';

/**
 * Checkpoints are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, so no code path
 * and no slip at a console rewrites one. That stops accidents, not a superuser; what protects
 * a checkpoint from one is its signature and its place in the chain (docs/ARCHITECTURE.md
 * "Tamper evidence"), and deleting the newest checkpoints is what a time-stamping authority
 * outside the system, or a copy of each checkpoint's hash kept elsewhere, exposes.
 */
export const checkpointMigrations: readonly Migration[] = [
  {
    id: '073_log_checkpoints',
    sql: `
      CREATE TABLE log_checkpoints (
        seq integer PRIMARY KEY CHECK (seq > 0),
        first_position bigint NOT NULL,
        last_position bigint NOT NULL,
        event_count integer NOT NULL,
        merkle_root char(64) NOT NULL,
        heads_root char(64) NOT NULL,
        stream_count integer NOT NULL,
        previous_hash char(64) NOT NULL,
        sealed_at text NOT NULL,
        hash char(64) NOT NULL,
        signature bytea NOT NULL,
        timestamp_token bytea
      );
      CREATE TABLE log_checkpoint_heads (
        checkpoint integer NOT NULL REFERENCES log_checkpoints (seq),
        stream_id text NOT NULL,
        case_id text,
        from_version integer NOT NULL,
        version integer NOT NULL,
        hash char(64) NOT NULL,
        positions bigint[] NOT NULL,
        PRIMARY KEY (checkpoint, stream_id)
      );
      CREATE INDEX log_checkpoint_heads_by_stream ON log_checkpoint_heads (stream_id, checkpoint);
      CREATE INDEX log_checkpoint_heads_by_case ON log_checkpoint_heads (case_id) WHERE case_id IS NOT NULL;
      CREATE FUNCTION log_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'log checkpoints are append-only: % refused on %', TG_OP, TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER log_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON log_checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION log_checkpoints_append_only();
      CREATE TRIGGER log_checkpoint_heads_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON log_checkpoint_heads
        FOR EACH STATEMENT EXECUTE FUNCTION log_checkpoints_append_only()
    `,
  },
  {
    // Whole-log verifications auditors start over HTTP: a run outlives the request that started it.
    id: '071_log_verifications',
    sql: `
      CREATE TABLE log_verifications (
        id uuid PRIMARY KEY,
        requested_by text NOT NULL,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        events_checked bigint NOT NULL DEFAULT 0,
        report jsonb,
        error text
      )
    `,
  },
];
