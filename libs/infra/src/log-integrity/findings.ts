/**
 * What a verification found, each located: the stream, version, position and event id it
 * concerns, the checkpoint whose seal it contradicts, and what was expected against what is
 * there. Codes are stable; the message is for people.
 */
export type FindingCode =
  /** An event's recomputed hash is not its stored one: its content (or a hash) was edited. */
  | 'CHAIN_BROKEN'
  /** A stream skips versions: events were deleted from its middle. */
  | 'VERSION_GAP'
  /** A stream's versions do not follow its positions: events were moved or versions swapped. */
  | 'VERSION_OUT_OF_ORDER'
  /** An event sits at another position than its checkpoint recorded. */
  | 'POSITION_MOVED'
  /** An event inside a checkpoint's range that the checkpoint does not list: inserted afterwards. */
  | 'EVENT_NOT_CHECKPOINTED'
  /** An event between two checkpoints' ranges, where none can have been written. */
  | 'EVENT_BETWEEN_CHECKPOINTS'
  /** Events a checkpoint lists that are gone: a deleted event, a deleted stream end. */
  | 'EVENTS_MISSING'
  /** Every event a checkpoint lists for a stream is gone: a deleted stream. */
  | 'STREAM_MISSING'
  /** A stream's head differs from the one its checkpoint recorded. */
  | 'STREAM_HEAD_MISMATCH'
  | 'MERKLE_ROOT_MISMATCH'
  | 'EVENT_COUNT_MISMATCH'
  | 'HEADS_ROOT_MISMATCH'
  | 'CHECKPOINT_HASH_MISMATCH'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'CHECKPOINT_CHAIN_BROKEN'
  | 'CHECKPOINT_RANGE_INVALID'
  | 'TIMESTAMP_INVALID';

export interface Finding {
  readonly code: FindingCode;
  readonly message: string;
  readonly stream?: string;
  readonly version?: number;
  readonly position?: number;
  readonly eventId?: string;
  readonly checkpoint?: number;
  readonly expected?: string | number;
  readonly found?: string | number;
}

/** Keeps the first `limit` findings and counts the rest, so memory stays flat on a ruined log. */
export class Findings {
  readonly kept: Finding[] = [];
  total = 0;

  constructor(private readonly limit = 1000) {}

  add(finding: Finding): void {
    this.total += 1;
    if (this.kept.length < this.limit) this.kept.push(finding);
  }
}

/** One line naming where, for logs and refusals. */
export function describeFinding(finding: Finding): string {
  const where = [
    finding.checkpoint !== undefined && `checkpoint ${finding.checkpoint}`,
    finding.stream !== undefined && `stream ${finding.stream}`,
    finding.version !== undefined && `version ${finding.version}`,
    finding.position !== undefined && `position ${finding.position}`,
    finding.eventId !== undefined && `event ${finding.eventId}`,
  ].filter(Boolean);
  const delta =
    finding.expected !== undefined || finding.found !== undefined
      ? ` (expected ${String(finding.expected ?? '—')}, found ${String(finding.found ?? '—')})`
      : '';
  return `${finding.code} at ${where.join(', ')}: ${finding.message}${delta}`;
}
