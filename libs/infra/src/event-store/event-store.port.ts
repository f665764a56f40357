/**
 * The event store port: every adapter (PostgreSQL, PGlite, EventStoreDB) passes
 * test/contract/event-store.contract.ts. The event log is the source of truth.
 */

export type ExpectedVersion = number | 'no-stream' | 'any';

/** Who did it and why: travels with every event (docs/ARCHITECTURE.md "Event envelope"). */
export interface EventMetadata {
  readonly actor?: string;
  readonly role?: string;
  readonly levelOfAssurance?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly idempotencyKey?: string;
  readonly reason?: string;
  readonly [key: string]: unknown;
}

/** An event as a writer hands it over: the store assigns versions, positions, time and hash. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
}

export interface StoredEvent<Data = unknown> {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
  /** 0-based position of the event in its stream. */
  readonly streamVersion: number;
  /**
   * Position in the global log: strictly increasing in `readAll` (and subscription) order, so a
   * checkpoint is the last position handled. Not dense: numbers between events are never used.
   */
  readonly position: number;
  /** sha-256 (hex) over the previous event's hash in the stream and this event's canonical JSON. */
  readonly hash: string;
}

export interface AppendResult {
  /** Stream version of the last event written (or found, for a retried append). */
  readonly nextExpectedVersion: number;
  /** Global position of the last event written. */
  readonly position: number;
}

export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  /**
   * The hash of the stream's event at `expectedVersion`, which a writer that has just read the
   * stream knows: the SQL store then appends in one round trip instead of reading the head
   * first. A hash that is not the stream's is refused, never chained onto.
   */
  readonly expectedHash?: string;
}

export interface ReadStreamOptions {
  readonly fromVersion?: number;
  readonly toVersion?: number;
  readonly backwards?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to start at the beginning. */
  readonly fromPosition?: number;
  /**
   * Inclusive: stop at this position, without waiting for later appends to settle. Every event
   * up to it must already be readable (a position a subscriber has seen): a projection's rebuild
   * catches up to its live checkpoint this way while holding that checkpoint's lock.
   */
  readonly toPosition?: number;
  readonly batchSize?: number;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the position of the last event already handled. Omit for the start. */
  readonly from?: number;
  /** Called once per event, in global order; the next waits until it settles. */
  readonly onEvent: (event: StoredEvent) => Promise<void> | void;
  readonly onError?: (error: unknown) => void;
}

export interface EventStore {
  readonly kind: 'postgres' | 'pglite' | 'eventstoredb';
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** Events as stored, before upcasting: what the hash chain covers. */
  readStreamRaw(stream: string): AsyncIterable<StoredEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Version of the stream's last event, or undefined when the stream does not exist. */
  streamVersion(stream: string): Promise<number | undefined>;
  /**
   * How many events the log holds after `position` (counted up to `limit`): how far a subscriber
   * whose checkpoint is `position` is behind the head. Positions need not be consecutive numbers.
   */
  countAfter(position: number, limit: number): Promise<number>;
  /** Position of the log's last readable event; 0 when it is empty. */
  head(): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedVersion,
    /** undefined when the stream does not exist */
    readonly actual: number | undefined,
  ) {
    super(
      `Stream ${stream}: expected version ${String(expected)}, actual ${actual === undefined ? 'no stream' : actual}`,
    );
  }
}
