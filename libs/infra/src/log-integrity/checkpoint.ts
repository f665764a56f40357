import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from '../event-store/event-hash';
import { merkleRoot } from './merkle';

/**
 * A checkpoint seals the events after the previous one: a Merkle root over their (position,
 * hash) leaves in position order, their count and first and last positions, the previous
 * checkpoint's hash (checkpoints chain from GENESIS_HASH), and a root over the heads of the
 * streams it touches. The payload's canonical JSON is what the server's seal signs.
 */
export interface CheckpointPayload {
  readonly seq: number;
  readonly firstPosition: number;
  readonly lastPosition: number;
  readonly count: number;
  readonly merkleRoot: string;
  /** Root over the stream heads below, sorted by stream (headLeaf). */
  readonly headsRoot: string;
  readonly streams: number;
  readonly previousHash: string;
  readonly sealedAt: string;
}

/**
 * Where one stream stands at the checkpoint, and which positions its events in the range hold:
 * from the chain and these, a deleted last event, a deleted stream, an event moved to another
 * position or one slipped in are each found and named.
 */
export interface StreamHead {
  readonly stream: string;
  /** The case the stream belongs to, so a case's verification finds even a deleted stream. */
  readonly caseId: string | null;
  /** Stream version of its first event in the range. */
  readonly fromVersion: number;
  /** …and of its last: the stream's head at the checkpoint. */
  readonly version: number;
  readonly hash: string;
  /** One per version fromVersion…version, in order. */
  readonly positions: readonly number[];
}

export interface Checkpoint extends CheckpointPayload {
  readonly hash: string;
  /** DER CMS detached signature by the server's seal over canonicalJson(payload). */
  readonly signature: Buffer;
  /** RFC 3161 token over the checkpoint's hash, when a time-stamping authority is configured. */
  readonly timestampToken: Buffer | null;
}

export const FIRST_PREVIOUS_HASH = GENESIS_HASH;

export function payloadOf(checkpoint: CheckpointPayload): CheckpointPayload {
  const { seq, firstPosition, lastPosition, count, merkleRoot, headsRoot, streams, previousHash, sealedAt } =
    checkpoint;
  return { seq, firstPosition, lastPosition, count, merkleRoot, headsRoot, streams, previousHash, sealedAt };
}

/** The bytes the seal signs. */
export function signedBytes(payload: CheckpointPayload): Buffer {
  return Buffer.from(canonicalJson(payloadOf(payload)), 'utf8');
}

export function checkpointHash(payload: CheckpointPayload): string {
  return createHash('sha256').update(signedBytes(payload)).digest('hex');
}

/** canonicalJson({ caseId, fromVersion, hash, positions, stream, version }), keys written in order. */
export function headLeaf(head: StreamHead): Buffer {
  const { stream, caseId, fromVersion, version, hash, positions } = head;
  return Buffer.from(
    `{"caseId":${JSON.stringify(caseId)},"fromVersion":${fromVersion},"hash":${JSON.stringify(hash)}` +
      `,"positions":[${positions.join(',')}],"stream":${JSON.stringify(stream)},"version":${version}}`,
    'utf8',
  );
}

/** Sorted by UTF-16 code units, as canonical JSON sorts keys: never by a database collation. */
export function headsRoot(heads: readonly StreamHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  return merkleRoot(sorted.map(headLeaf));
}

const CASE_STREAM = /^(?:case|receipt|review|paper-post)-(.+)$/;

/** Which case an event belongs to: by its stream's name (streams.ts), else by its data's caseId. */
export function caseIdOf(stream: string, data: unknown): string | null {
  const named = CASE_STREAM.exec(stream);
  if (named) return named[1]!;
  if (typeof data === 'object' && data !== null && 'caseId' in data && typeof data.caseId === 'string') {
    return data.caseId;
  }
  return null;
}
