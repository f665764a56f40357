import { SqlExecutor } from '../sql/sql-client';
import { Checkpoint, StreamHead } from './checkpoint';

/** Reading and writing the checkpoint tables (checkpoint.migrations.ts). */

interface CheckpointRow {
  seq: number;
  first_position: string;
  last_position: string;
  event_count: number;
  merkle_root: string;
  heads_root: string;
  stream_count: number;
  previous_hash: string;
  sealed_at: string;
  hash: string;
  signature: Buffer;
  timestamp_token: Buffer | null;
}

interface HeadRow {
  checkpoint: number;
  stream_id: string;
  case_id: string | null;
  from_version: number;
  version: number;
  hash: string;
  /** bigint[] as PostgreSQL writes it, '{1025,2049}': split here, far quicker than pg's array parser. */
  positions: string;
}

const HEAD_COLUMNS =
  'checkpoint, stream_id, case_id, from_version, version, hash, positions::text AS positions';

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  seq: row.seq,
  firstPosition: Number(row.first_position),
  lastPosition: Number(row.last_position),
  count: row.event_count,
  merkleRoot: row.merkle_root,
  headsRoot: row.heads_root,
  streams: row.stream_count,
  previousHash: row.previous_hash,
  sealedAt: row.sealed_at,
  hash: row.hash,
  signature: row.signature,
  timestampToken: row.timestamp_token,
});

export const toHead = (row: HeadRow): StreamHead & { checkpoint: number } => ({
  checkpoint: row.checkpoint,
  stream: row.stream_id,
  caseId: row.case_id,
  fromVersion: row.from_version,
  version: row.version,
  hash: row.hash,
  positions: row.positions.slice(1, -1).split(',').map(Number),
});

/** Every checkpoint, in order: one row per LOG_CHECKPOINT_EVENTS events, so few. */
export async function readCheckpoints(sql: SqlExecutor): Promise<Checkpoint[]> {
  const rows = await sql.query<CheckpointRow>('SELECT * FROM log_checkpoints ORDER BY seq');
  return rows.map(toCheckpoint);
}

export async function lastCheckpoint(sql: SqlExecutor): Promise<Checkpoint | undefined> {
  const [row] = await sql.query<CheckpointRow>('SELECT * FROM log_checkpoints ORDER BY seq DESC LIMIT 1');
  return row && toCheckpoint(row);
}

export async function headsOf(sql: SqlExecutor, seq: number): Promise<StreamHead[]> {
  const rows = await sql.query<HeadRow>(
    `SELECT ${HEAD_COLUMNS} FROM log_checkpoint_heads WHERE checkpoint = $1`,
    [seq],
  );
  return rows.map(toHead);
}

/** Each stream's head in the newest checkpoint that touched it. */
export async function latestHeads(sql: SqlExecutor, streams: readonly string[]): Promise<StreamHead[]> {
  if (streams.length === 0) return [];
  const rows = await sql.query<HeadRow>(
    `SELECT DISTINCT ON (stream_id) ${HEAD_COLUMNS} FROM log_checkpoint_heads
     WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, checkpoint DESC`,
    [streams],
  );
  return rows.map(toHead);
}

/** Every head of these streams, or of streams the checkpoints place in this case. */
export async function headsOfCase(
  sql: SqlExecutor,
  caseId: string,
  streams: readonly string[],
): Promise<(StreamHead & { checkpoint: number })[]> {
  const rows = await sql.query<HeadRow>(
    `SELECT ${HEAD_COLUMNS} FROM log_checkpoint_heads WHERE case_id = $1 OR stream_id = ANY($2::text[])
     UNION SELECT ${HEAD_COLUMNS} FROM log_checkpoint_heads
       WHERE stream_id IN (SELECT stream_id FROM log_checkpoint_heads WHERE case_id = $1)
     ORDER BY checkpoint, stream_id`,
    [caseId, streams],
  );
  return rows.map(toHead);
}

export async function insertCheckpoint(
  sql: SqlExecutor,
  checkpoint: Checkpoint,
  heads: readonly StreamHead[],
): Promise<void> {
  await sql.query(
    `INSERT INTO log_checkpoints (seq, first_position, last_position, event_count, merkle_root, heads_root,
       stream_count, previous_hash, sealed_at, hash, signature, timestamp_token)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      checkpoint.seq,
      checkpoint.firstPosition,
      checkpoint.lastPosition,
      checkpoint.count,
      checkpoint.merkleRoot,
      checkpoint.headsRoot,
      checkpoint.streams,
      checkpoint.previousHash,
      checkpoint.sealedAt,
      checkpoint.hash,
      checkpoint.signature,
      checkpoint.timestampToken,
    ],
  );
  // Positions travel as one JSON document: an array of arrays is not a parameter type.
  await sql.query(
    `INSERT INTO log_checkpoint_heads (checkpoint, stream_id, case_id, from_version, version, hash, positions)
     SELECT $1, h.stream, h."caseId", h."fromVersion", h.version, h.hash,
            ARRAY(SELECT p::bigint FROM jsonb_array_elements_text(h.positions) WITH ORDINALITY AS e(p, n) ORDER BY n)
     FROM jsonb_to_recordset($2::jsonb)
       AS h(stream text, "caseId" text, "fromVersion" int, version int, hash text, positions jsonb)`,
    [checkpoint.seq, JSON.stringify(heads)],
  );
}
