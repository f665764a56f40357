import { Migration } from '../sql/migrations';

/**
 * The auditors' index of DocumentRead events. The events are the record (append-only, hash-chained);
 * this table is rebuilt from them, and keeps each one's stream position and hash to check it against.
 */
export const documentReadMigrations: readonly Migration[] = [
  {
    id: '071_document_reads',
    sql: `
      CREATE TABLE document_reads (
        event_id uuid PRIMARY KEY,
        case_id text NOT NULL,
        reader_id text NOT NULL,
        reader_role text NOT NULL,
        unit_id text NOT NULL,
        unit_name text NOT NULL,
        level_of_assurance text NOT NULL,
        blob_hash char(64) NOT NULL,
        filename text NOT NULL,
        content_type text NOT NULL,
        provided_in text NOT NULL,
        request_id text NOT NULL,
        read_at timestamptz NOT NULL,
        stream_version integer NOT NULL,
        event_hash char(64) NOT NULL
      );
      CREATE INDEX document_reads_by_time ON document_reads (read_at, event_id);
      CREATE INDEX document_reads_by_case ON document_reads (case_id, read_at, event_id);
      CREATE INDEX document_reads_by_reader ON document_reads (reader_id, read_at, event_id)
    `,
  },
];
