import { SqlExecutor } from '../sql/sql-client';
import { LoggedEvent } from './log-checks';

export interface LoggedRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: Date;
  hash: string;
}

export const LOGGED_COLUMNS =
  'position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash';

export const toLoggedEvent = (row: LoggedRow): LoggedEvent => ({
  position: Number(row.position),
  stream: row.stream_id,
  streamVersion: row.stream_version,
  id: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
  hash: row.hash.trim(),
});

/**
 * Stored events (never upcast: the hashes cover the stored form) by keyset pages; the next page
 * is asked for while this one is checked, so the database and the hashing overlap. Memory: two pages.
 */
export async function* scanLog(
  sql: SqlExecutor,
  { after = 0, pageSize = 1000 }: { after?: number; pageSize?: number } = {},
): AsyncIterable<LoggedEvent> {
  const page = (from: number) =>
    sql.query<LoggedRow>(
      `SELECT ${LOGGED_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      [from, pageSize],
      'expediente_verify_page',
    );
  let next = page(after);
  for (;;) {
    const rows = await next;
    const last = rows[rows.length - 1];
    if (rows.length === pageSize && last) next = page(Number(last.position));
    for (const row of rows) yield toLoggedEvent(row);
    if (rows.length < pageSize) return;
  }
}

/** One stream in version order. */
export async function* scanStream(
  sql: SqlExecutor,
  stream: string,
  pageSize = 1000,
): AsyncIterable<LoggedEvent> {
  let from = 0;
  for (;;) {
    const rows = await sql.query<LoggedRow>(
      `SELECT ${LOGGED_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2
       ORDER BY stream_version LIMIT $3`,
      [stream, from, pageSize],
    );
    for (const row of rows) yield toLoggedEvent(row);
    if (rows.length < pageSize) return;
    from = rows[rows.length - 1]!.stream_version + 1;
  }
}
