import { eventHash, GENESIS_HASH, HashedFields } from '../event-store/event-hash';
import { Checkpoint, StreamHead } from './checkpoint';
import { Findings } from './findings';
import { eventLeafHash, MerkleAccumulator } from './merkle';

/** An event as stored, with its position: what every check reads. */
export interface LoggedEvent extends HashedFields {
  readonly position: number;
  readonly hash: string;
}

interface ChainState {
  version: number;
  hash: string;
  position: number;
}

/**
 * Each stream's hash chain, versions contiguous from 0 and rising with position. Events of a
 * stream must arrive in position order (the whole log's scan) or version order (one stream's);
 * either way a tampered stream shows the same findings. Holds one entry per stream.
 */
export class ChainCheck {
  private readonly streams = new Map<string, ChainState>();

  constructor(private readonly findings: Findings) {}

  /** Continue a stream from a checkpointed head rather than from its first event. */
  seed(stream: string, state: ChainState): void {
    this.streams.set(stream, state);
  }

  get streamCount(): number {
    return this.streams.size;
  }

  has(stream: string): boolean {
    return this.streams.has(stream);
  }

  observe(event: LoggedEvent): void {
    const { stream, streamVersion: version, position, id: eventId } = event;
    const state = this.streams.get(stream);
    const at = { stream, version, position, eventId };
    if (state && (version <= state.version || position <= state.position)) {
      this.findings.add({
        code: 'VERSION_OUT_OF_ORDER',
        ...at,
        message: `version ${version} at position ${position} does not follow version ${state.version} at position ${state.position}`,
        expected: `version ${state.version + 1} after position ${state.position}`,
        found: `version ${version} at position ${position}`,
      });
      if (version <= state.version) return;
    }
    const next = state ? state.version + 1 : 0;
    if (version > next) {
      this.findings.add({
        code: 'VERSION_GAP',
        ...at,
        message: `versions ${next}${version - 1 > next ? `–${version - 1}` : ''} are missing`,
        expected: next,
        found: version,
      });
    } else {
      const recomputed = eventHash(state?.hash ?? GENESIS_HASH, event);
      if (recomputed !== event.hash) {
        this.findings.add({
          code: 'CHAIN_BROKEN',
          ...at,
          message: 'the stored hash is not the hash of this event chained to the previous one',
          expected: recomputed,
          found: event.hash,
        });
      }
    }
    // Updated in place: one object per stream, not one per event.
    if (!state) {
      this.streams.set(stream, { version, hash: event.hash, position });
      return;
    }
    state.version = version;
    state.hash = event.hash;
    state.position = position;
  }
}

interface SeenStream {
  readonly versions: boolean[];
  top?: { version: number; hash: string; position: number };
}

/**
 * One checkpoint's range against its seal: every event listed at its recorded position, every
 * listed event present, each stream's head as recorded; over the whole log also the Merkle root
 * and the count. Memory is bounded by the checkpoint's size (LOG_CHECKPOINT_EVENTS).
 */
export class RangeCheck {
  private readonly merkle = new MerkleAccumulator();
  private readonly heads: Map<string, StreamHead>;
  private readonly seen = new Map<string, SeenStream>();
  private last = 0;

  constructor(
    readonly checkpoint: Checkpoint,
    heads: readonly StreamHead[],
    private readonly findings: Findings,
    /** false for one case: only its streams are read, so no root or count can be recomputed. */
    private readonly whole: boolean,
  ) {
    this.heads = new Map(heads.map((head) => [head.stream, head]));
  }

  /** The heads this checkpoint sealed (of the streams in scope). */
  get sealedHeads(): Iterable<StreamHead> {
    return this.heads.values();
  }

  observe(event: LoggedEvent): void {
    const { stream, streamVersion: version, position, id: eventId } = event;
    const checkpoint = this.checkpoint.seq;
    if (this.whole) {
      if (position <= this.last) {
        this.findings.add({
          code: 'CHECKPOINT_RANGE_INVALID',
          checkpoint,
          stream,
          position,
          message: 'positions do not strictly increase',
          expected: `after ${this.last}`,
          found: position,
        });
      }
      this.last = position;
      this.merkle.addLeafHash(eventLeafHash(position, event.hash));
    }
    const head = this.heads.get(stream);
    const at = { checkpoint, stream, version, position, eventId };
    if (!head || version < head.fromVersion || version > head.version) {
      this.findings.add({
        code: 'EVENT_NOT_CHECKPOINTED',
        ...at,
        message: 'the checkpoint covering this position does not list this event: it was written afterwards',
        expected: head
          ? `versions ${head.fromVersion}–${head.version} of this stream`
          : 'no event of this stream',
        found: `version ${version}`,
      });
      return;
    }
    const index = version - head.fromVersion;
    const recorded = head.positions[index]!;
    if (recorded !== position) {
      this.findings.add({
        code: 'POSITION_MOVED',
        ...at,
        message: `the checkpoint recorded this version at position ${recorded}`,
        expected: recorded,
        found: position,
      });
    }
    let seen = this.seen.get(stream);
    if (!seen) {
      seen = { versions: [] };
      this.seen.set(stream, seen);
    }
    seen.versions[index] = true;
    if (!seen.top || version > seen.top.version) seen.top = { version, hash: event.hash, position };
  }

  close(): void {
    const checkpoint = this.checkpoint.seq;
    if (this.whole) {
      const root = this.merkle.root();
      if (this.merkle.count !== this.checkpoint.count) {
        this.findings.add({
          code: 'EVENT_COUNT_MISMATCH',
          checkpoint,
          message: `positions ${this.checkpoint.firstPosition}–${this.checkpoint.lastPosition} hold another number of events than were sealed`,
          expected: this.checkpoint.count,
          found: this.merkle.count,
        });
      }
      if (root !== this.checkpoint.merkleRoot) {
        this.findings.add({
          code: 'MERKLE_ROOT_MISMATCH',
          checkpoint,
          message: `the events at positions ${this.checkpoint.firstPosition}–${this.checkpoint.lastPosition} are not those sealed`,
          expected: this.checkpoint.merkleRoot,
          found: root,
        });
      }
    }
    for (const head of this.heads.values()) this.closeStream(head);
  }

  private closeStream(head: StreamHead): void {
    const checkpoint = this.checkpoint.seq;
    const seen = this.seen.get(head.stream);
    const lastPosition = head.positions[head.positions.length - 1]!;
    const versions = seen?.versions ?? [];
    head.positions.forEach((position, index) => {
      if (versions[index]) return;
      this.findings.add({
        code: 'EVENTS_MISSING',
        checkpoint,
        stream: head.stream,
        version: head.fromVersion + index,
        position,
        message: 'a sealed event is no longer in the log',
        expected: `version ${head.fromVersion + index} at position ${position}`,
        found: 'no event',
      });
    });
    const top = seen?.top;
    if (!top || top.version !== head.version || top.hash !== head.hash) {
      this.findings.add({
        code: 'STREAM_HEAD_MISMATCH',
        checkpoint,
        stream: head.stream,
        version: head.version,
        position: lastPosition,
        message: top
          ? `the stream's last event in this checkpoint is version ${top.version} at position ${top.position}`
          : 'none of the stream’s events in this checkpoint is left',
        expected: `version ${head.version} ${head.hash}`,
        found: top ? `version ${top.version} ${top.hash}` : 'no event',
      });
    }
  }
}

/**
 * Streams a checkpoint sealed that the log no longer holds at all: one finding per stream, at
 * its newest sealed head, beside the per-checkpoint findings for each of its missing events.
 */
export class SealedStreams {
  private readonly last = new Map<string, { checkpoint: number; version: number; position: number }>();

  constructor(private readonly findings: Findings) {}

  add(range: RangeCheck): void {
    for (const head of range.sealedHeads) {
      const position = head.positions[head.positions.length - 1]!;
      this.last.set(head.stream, { checkpoint: range.checkpoint.seq, version: head.version, position });
    }
  }

  reportMissing(present: (stream: string) => boolean): void {
    for (const [stream, head] of this.last) {
      if (present(stream)) continue;
      this.findings.add({
        code: 'STREAM_MISSING',
        stream,
        ...head,
        message: 'the stream is sealed by checkpoints but has no event left in the log',
        expected: `version ${head.version} at position ${head.position}`,
        found: 'no event',
      });
    }
  }
}
