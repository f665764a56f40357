import { Migration } from '../sql/migrations';

/**
 * Global positions come from the single row of event_log_head, locked by each
 * append until it commits: positions are handed out in commit order, so a reader
 * that has seen position N will never later find a committed event below N.
 * (A plain sequence hands them out in call order, and a slow transaction then
 * commits "in the past" of a subscriber: the skipped-event bug.)
 */
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
];
