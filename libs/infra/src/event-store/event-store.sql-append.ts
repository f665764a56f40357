import { SqlExecutor } from '../sql/sql-client';
import { eventHash, GENESIS_HASH } from './event-hash';
import { TRANSACTION_BASE } from './event-store.migrations';
import { AppendResult, ExpectedVersion, NewEvent, WrongExpectedVersion } from './event-store.port';

/** The append path of SqlEventStore: chaining events onto a stream's head and inserting them. */

export const EVENT_COLUMNS =
  'position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash';

/** Where a stream's chain stands: the version and hash of its last event. */
export interface Head {
  readonly version: number;
  readonly hash: string;
}

interface ChainedRow {
  readonly event: NewEvent;
  readonly version: number;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly hash: string;
}

export interface ChainedEvents {
  readonly rows: readonly ChainedRow[];
  readonly recordedAt: Date;
}

interface HeadRow {
  head: { v: number; h: string } | null;
  found: { v: number; p: string | number }[] | null;
}

/**
 * The event chained onto ($2, -1 for none) must be the stream's, with that hash ($3); that it is the
 * last follows from UNIQUE (stream_id, stream_version): a rival at the next version makes the
 * insert a unique violation, after waiting for the rival's commit.
 */
const chainedOnto = `($2::int < 0 OR EXISTS (
  SELECT 1 FROM events WHERE stream_id = $1 AND stream_version = $2::int AND hash = $3))`;

/** One event: scalar parameters, the cheapest statement for the common case. */
const insertOne = `INSERT INTO events (${EVENT_COLUMNS})
  SELECT ${TRANSACTION_BASE} + 1, $1, $2::int + 1, $4, $5, $6, $7, $8, $9, $10
  WHERE ${chainedOnto}
  RETURNING position`;

const insertMany = `INSERT INTO events (${EVENT_COLUMNS})
  SELECT ${TRANSACTION_BASE} + t.n, $1, $2::int + t.n::int, t.id, t.type, t.schema_version,
         t.data, t.metadata, $9, t.hash
  FROM unnest($4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $10::text[])
       WITH ORDINALITY AS t(id, type, schema_version, data, metadata, hash, n)
  WHERE ${chainedOnto}
  RETURNING position`;

/** Versions and hashes for the new events, continuing the stream's chain. */
export function chainEvents(
  stream: string,
  events: readonly NewEvent[],
  head: Head | undefined,
  recordedAt: Date,
): ChainedEvents {
  let previousHash = head?.hash ?? GENESIS_HASH;
  let version = head?.version ?? -1;
  const rows = events.map((event) => {
    version += 1;
    // Serialised once: the same text is hashed (parsed back, as storage will return it) and stored.
    const dataJson = JSON.stringify(event.data ?? null);
    const metadataJson = JSON.stringify(event.metadata ?? {});
    previousHash = eventHash(previousHash, {
      id: event.id,
      stream,
      streamVersion: version,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: JSON.parse(dataJson) as unknown,
      metadata: JSON.parse(metadataJson) as unknown,
      recordedAt,
    });
    return { event, version, dataJson, metadataJson, hash: previousHash };
  });
  return { rows, recordedAt };
}

/**
 * One self-committing, prepared statement inserts the events after the one chained onto;
 * undefined when that is not the stream's last event (or, for a new stream, when it exists).
 */
export async function insertAfter(
  sql: SqlExecutor,
  stream: string,
  head: Head | undefined,
  { rows, recordedAt }: ChainedEvents,
): Promise<AppendResult | undefined> {
  const [one] = rows;
  const single = rows.length === 1 && one !== undefined;
  const values = single
    ? [one.event.id, one.event.type, one.event.schemaVersion ?? 1, one.dataJson, one.metadataJson]
    : [
        rows.map((r) => r.event.id),
        rows.map((r) => r.event.type),
        rows.map((r) => r.event.schemaVersion ?? 1),
        rows.map((r) => r.dataJson),
        rows.map((r) => r.metadataJson),
      ];
  const inserted = await sql
    .query<{ position: string }>(
      single ? insertOne : insertMany,
      [
        stream,
        head?.version ?? -1,
        head?.hash ?? null,
        ...values,
        recordedAt.toISOString(),
        single ? one.hash : rows.map((r) => r.hash),
      ],
      single ? 'expediente_append_one' : 'expediente_append_many',
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return [];
      throw error;
    });
  if (inserted.length === 0) return undefined;
  const position = Math.max(...inserted.map((row) => Number(row.position)));
  return { nextExpectedVersion: rows[rows.length - 1]!.version, position };
}

/** The stream's head, or the original result when these events are all in it already. */
export async function readHead(
  sql: SqlExecutor,
  stream: string,
  ids: readonly string[],
  expected: ExpectedVersion,
): Promise<AppendResult | { head: Head | undefined }> {
  const [row] = await sql.query<HeadRow>(
    `SELECT (SELECT json_build_object('v', stream_version, 'h', hash) FROM events
             WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1) AS head,
            (SELECT json_agg(json_build_object('v', stream_version, 'p', position))
             FROM events WHERE stream_id = $1 AND event_id = ANY($2::uuid[])) AS found`,
    [stream, ids],
  );
  const found = row?.found ?? [];
  const head = row?.head ? { version: row.head.v, hash: row.head.h.trim() } : undefined;
  if (found.length === ids.length) {
    // A retry of an append that already committed returns that append's result.
    const last = found.reduce((a, b) => (a.v > b.v ? a : b));
    return { nextExpectedVersion: last.v, position: Number(last.p) };
  }
  if (found.length > 0) throw new WrongExpectedVersion(stream, expected, head?.version);
  return { head };
}

/** 23505: the next version (or an event id) is in the stream already. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
