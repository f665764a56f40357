import { Migration } from '../sql/migrations';

/**
 * A global position is `transaction id × POSITIONS_PER_TRANSACTION + n`, n = 1…events of the
 * append (each append is one transaction). Readers take only rows below the horizon: every
 * transaction id below `pg_snapshot_xmin(pg_current_snapshot())` has ended, and any row still
 * to commit carries an id at or above it, so its position sorts after every row already read.
 * Position order is (transaction id, n) order, the committed log below the horizon is a prefix
 * of it, and a checkpoint stays one number. Appends commit in parallel; docs/ARCHITECTURE.md
 * "No skipped events" gives the proof and the limits.
 */
export const POSITIONS_PER_TRANSACTION = 1024;

/** The base of the current transaction's positions: SQL, in the appending statement. */
export const TRANSACTION_BASE = `pg_current_xact_id()::text::bigint * ${POSITIONS_PER_TRANSACTION}`;

/** The highest position a reader may take, exclusive: SQL, evaluated with the reader's snapshot. */
export const READ_HORIZON = `pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${POSITIONS_PER_TRANSACTION}`;

/** Where a transaction that has not begun yet will put its events, at the least: SQL, likewise. */
export const READ_FRONTIER = `pg_snapshot_xmax(pg_current_snapshot())::text::bigint * ${POSITIONS_PER_TRANSACTION}`;

export const eventStoreMigrations: readonly Migration[] = [
  {
    id: '001_event_store',
    sql: `
      CREATE TABLE event_log_head (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        position bigint NOT NULL
      );
      INSERT INTO event_log_head (id, position) VALUES (true, 0);
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        last_hash char(64) NOT NULL
      );
      CREATE TABLE events (
        position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        hash char(64) NOT NULL,
        UNIQUE (stream_id, stream_version),
        UNIQUE (stream_id, event_id)
      )
    `,
  },
  {
    // Positions written by 001 (from the head row) counted events one by one and each append took
    // a transaction id, so they sit below the first position this scheme hands out; checked anyway.
    // A stream's head is its last event, guarded by UNIQUE (stream_id, stream_version): the
    // streams table was a second row to write on every append.
    id: '002_positions_from_transaction_ids',
    sql: `
      DROP TABLE event_log_head;
      DROP TABLE streams;
      DO $$ BEGIN
        IF (SELECT coalesce(max(position), 0) FROM events)
           >= pg_current_xact_id()::text::bigint * ${POSITIONS_PER_TRANSACTION} THEN
          RAISE EXCEPTION 'events.position already exceeds the transaction-id positions';
        END IF;
      END $$
    `,
  },
];
