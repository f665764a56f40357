import { Migration } from '../sql/migrations';

/**
 * The medical units' queue (one row per case under review), the addressees' notification
 * inbox, and the documents a citizen has uploaded for an answer not yet sent. Every dashboard
 * query starts with the unit and is served by one of the indexes below, never a full scan
 * (review-queue.int.spec.ts checks the plans).
 */
export const reviewQueueMigrations: readonly Migration[] = [
  {
    id: '040_review_queue',
    sql: `
      CREATE TABLE review_queue (
        case_id text COLLATE "C" PRIMARY KEY,
        unit_id text NOT NULL,
        procedure text NOT NULL,
        province_code text NOT NULL,
        reviewer_id text,
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        status_changed_at timestamptz NOT NULL,
        routed_on date NOT NULL,
        due_step text,
        due_on date,
        overdue boolean NOT NULL DEFAULT false,
        paused_since date,
        paused_days integer NOT NULL DEFAULT 0,
        resolved_at timestamptz,
        outcome text,
        last_position bigint NOT NULL
      );
      CREATE INDEX review_queue_unit_opened ON review_queue (unit_id, opened_at, case_id);
      CREATE INDEX review_queue_unit_status ON review_queue (unit_id, status, opened_at, case_id);
      CREATE INDEX review_queue_unit_reviewer ON review_queue (unit_id, reviewer_id, status, opened_at);
      CREATE INDEX review_queue_unit_due ON review_queue (unit_id, due_on) WHERE due_on IS NOT NULL;
      CREATE INDEX review_queue_unit_resolved ON review_queue (unit_id, resolved_at) WHERE resolved_at IS NOT NULL
    `,
  },
  {
    id: '041_notification_inbox',
    sql: `
      CREATE TABLE notification_inbox (
        notification_id text COLLATE "C" PRIMARY KEY,
        addressee text NOT NULL,
        case_id text,
        subject text NOT NULL,
        special_category boolean NOT NULL,
        status text NOT NULL,
        made_available_at timestamptz NOT NULL,
        last_day_to_access date NOT NULL,
        deemed_rejected_at timestamptz NOT NULL,
        accessed_at timestamptz,
        answered_at timestamptz,
        last_position bigint NOT NULL
      );
      CREATE INDEX notification_inbox_addressee ON notification_inbox (addressee, made_available_at DESC, notification_id)
    `,
  },
  {
    id: '042_information_drafts',
    sql: `
      CREATE TABLE information_drafts (
        case_id text NOT NULL,
        person text NOT NULL,
        blob_hash char(64) NOT NULL,
        filename text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        kind text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, person, blob_hash)
      )
    `,
  },
  {
    // The row is read off the domain's fold of the review (review-queue.row.ts), kept beside it;
    // rows written before have none, so the queue is rebuilt from the log.
    id: '043_review_queue_clock',
    sql: `
      ALTER TABLE review_queue ADD COLUMN clock jsonb;
      DELETE FROM review_queue;
      DELETE FROM projection_checkpoints WHERE name = 'review-queue'
    `,
  },
  {
    // The queue reads sorted by due date (soonest first, cases with no running deadline last):
    // a stored sort key and an index per way the queue is filtered, so a page is an index range.
    id: '044_review_queue_due_order',
    sql: `
      ALTER TABLE review_queue ADD COLUMN due_key date GENERATED ALWAYS AS (COALESCE(due_on, DATE '9999-12-31')) STORED;
      CREATE INDEX review_queue_unit_due_key ON review_queue (unit_id, due_key, case_id);
      CREATE INDEX review_queue_unit_status_due_key ON review_queue (unit_id, status, due_key, case_id);
      CREATE INDEX review_queue_unit_reviewer_due_key ON review_queue (unit_id, reviewer_id, due_key, case_id)
    `,
  },
];
