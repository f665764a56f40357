import { decodeKeysetCursor, encodeKeysetCursor } from '../paging/keyset-cursor';
import { SqlExecutor } from '../sql/sql-client';

/** One recorded read of a case's document, as auditors query them. */
export interface DocumentReadRecord {
  readonly eventId: string;
  readonly caseId: string;
  readonly reader: {
    readonly id: string;
    readonly role: string;
    readonly unit: { readonly id: string; readonly name: string };
    readonly levelOfAssurance: string;
  };
  readonly document: {
    readonly blobHash: string;
    readonly filename: string;
    readonly contentType: string;
    readonly providedIn: string;
  };
  readonly requestId: string;
  readonly readAt: Date;
  /** Where the event sits in stream case-access-<caseId>, and its hash, to check against the log. */
  readonly streamVersion: number;
  readonly hash: string;
}

export interface DocumentReadFilter {
  readonly caseId?: string;
  readonly readerId?: string;
  /** Inclusive. */
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
}

export interface DocumentReadPage {
  readonly items: readonly DocumentReadRecord[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly next: string | null;
}

export const isDocumentReadCursor = (value: string): boolean => decodeKeysetCursor(value) !== undefined;

interface Row {
  event_id: string;
  case_id: string;
  reader_id: string;
  reader_role: string;
  unit_id: string;
  unit_name: string;
  level_of_assurance: string;
  blob_hash: string;
  filename: string;
  content_type: string;
  provided_in: string;
  request_id: string;
  read_at: Date;
  stream_version: number;
  event_hash: string;
}

const recordOf = (row: Row): DocumentReadRecord => ({
  eventId: row.event_id,
  caseId: row.case_id,
  reader: {
    id: row.reader_id,
    role: row.reader_role,
    unit: { id: row.unit_id, name: row.unit_name },
    levelOfAssurance: row.level_of_assurance,
  },
  document: {
    blobHash: row.blob_hash.trim(),
    filename: row.filename,
    contentType: row.content_type,
    providedIn: row.provided_in,
  },
  requestId: row.request_id,
  readAt: new Date(row.read_at),
  streamVersion: Number(row.stream_version),
  hash: row.event_hash.trim(),
});

/** Oldest first, by keyset on (read time, event id): each filter has an index that serves it in that order. */
export async function documentReads(
  sql: SqlExecutor,
  filter: DocumentReadFilter,
  page: { readonly limit: number; readonly cursor?: string },
): Promise<DocumentReadPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.caseId) where.push(`case_id = ${param(filter.caseId)}`);
  if (filter.readerId) where.push(`reader_id = ${param(filter.readerId)}`);
  if (filter.from) where.push(`read_at >= ${param(filter.from)}`);
  if (filter.to) where.push(`read_at < ${param(filter.to)}`);
  const after = page.cursor === undefined ? undefined : decodeKeysetCursor(page.cursor);
  if (page.cursor !== undefined && !after) throw new Error(`Not a document-read cursor: ${page.cursor}`);
  if (after) where.push(`(read_at, event_id) > (${param(after.at)}, ${param(after.id)})`);
  const rows = await sql.query<Row>(
    `SELECT * FROM document_reads ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY read_at, event_id LIMIT ${param(page.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, page.limit).map(recordOf);
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > page.limit && last ? encodeKeysetCursor({ at: last.readAt, id: last.eventId }) : null,
  };
}
