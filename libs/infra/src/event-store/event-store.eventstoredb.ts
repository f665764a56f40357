import {
  AllStreamRecordedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  JSONType,
  NO_STREAM,
  ReadPosition,
  RecordedEvent,
  START,
  StreamingRead,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { eventHash, GENESIS_HASH, toStoredJson } from './event-hash';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedVersion,
} from './event-store.port';
import { pollingSubscription } from './polling-subscription';
import { UpcasterRegistry } from './upcasters';
import { processClock } from '../clock/clock';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Metadata key under which the store keeps what ESDB has no field for; stripped on read. */
export const ENVELOPE_KEY = '$expediente';
/** Rounds of read-head-then-append an `any` append tries before giving up under contention. */
const MAX_ATTEMPTS = 5;

interface Envelope {
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly hash: string;
}

export interface EventStoreDbEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: () => Date;
  /** Events per round trip when reading $all. */
  readonly pageSize?: number;
}

/**
 * The event store on EventStoreDB (server 22.6 or later: older ones report no position on
 * stream reads). ESDB gives expected versions, immutability and $all; the hash chain, the
 * schema version and our clock's recordedAt travel in each event's metadata.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  private readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => processClock.now());
    this.pageSize = options.pageSize ?? 500;
  }

  /** e.g. `esdb://localhost:2113?tls=false`; connects lazily, so call ping() to fail fast. */
  static connect(connectionString: string, options?: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    { expectedVersion, expectedHash }: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    if (stream.startsWith('$')) throw new Error(`Stream "${stream}" is reserved for EventStoreDB`);
    for (const event of events) {
      if (!uuid.test(event.id)) throw new Error(`Event id "${event.id}" is not a UUID`);
      if (event.metadata && ENVELOPE_KEY in event.metadata) {
        throw new Error(`Event ${event.id}: metadata key ${ENVELOPE_KEY} is reserved for the event store`);
      }
    }
    // ESDB hands ids back in lower case, and the hash covers the id as read.
    const ids = events.map((event) => event.id.toLowerCase());

    for (let attempt = 1; ; attempt++) {
      const head = await this.lastOf(stream);
      const actual = head?.streamVersion;
      const matches =
        expectedVersion === 'any' ||
        (expectedVersion === 'no-stream' ? actual === undefined : actual === expectedVersion);
      // A retry of an append that already committed moved the head past the expected version
      // (or, for `any`, may sit anywhere in the stream): return that append's result.
      if (expectedVersion === 'any' || !matches) {
        const retried = await this.alreadyAppended(stream, ids, actual);
        if (retried) return retried;
      }
      if (!matches) throw new WrongExpectedVersion(stream, expectedVersion, actual);
      if (typeof expectedVersion === 'number' && expectedHash !== undefined && head?.hash !== expectedHash) {
        throw new Error(`Stream ${stream}: expectedHash is not the hash of version ${expectedVersion}`);
      }
      const written = await this.write(stream, events, ids, head);
      if (written) return written;
      // Another writer appended between our read of the head and our append. The chain must
      // hash onto the real head, so go round again; a fixed expected version then fails above.
      if (attempt === MAX_ATTEMPTS) {
        throw new WrongExpectedVersion(stream, expectedVersion, await this.streamVersion(stream));
      }
    }
  }

  /** Appends after `head`, whatever the caller expected: ESDB refuses if the head moved. */
  private async write(
    stream: string,
    events: readonly NewEvent[],
    ids: readonly string[],
    head: StoredEvent | undefined,
  ): Promise<AppendResult | undefined> {
    const recordedAt = this.clock();
    let previousHash = head?.hash ?? GENESIS_HASH;
    let version = head?.streamVersion ?? -1;
    const data = events.map((event, i) => {
      version += 1;
      const fields = {
        id: ids[i]!,
        stream,
        streamVersion: version,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: toStoredJson(event.data),
        metadata: toStoredJson(event.metadata ?? {}),
        recordedAt,
      };
      previousHash = eventHash(previousHash, fields);
      const envelope: Envelope = {
        schemaVersion: fields.schemaVersion,
        recordedAt: recordedAt.toISOString(),
        hash: previousHash,
      };
      return jsonEvent({
        id: fields.id,
        type: fields.type,
        // The client JSON-encodes any value; its type just does not say so for scalars.
        data: fields.data as JSONType,
        metadata: { ...fields.metadata, [ENVELOPE_KEY]: envelope },
      });
    });
    try {
      const result = await this.client.appendToStream(stream, data, {
        expectedRevision: head ? BigInt(head.streamVersion) : NO_STREAM,
      });
      if (!result.success) return undefined; // a client built with throwOnAppendFailure: false
      // The reported position is that of the append's last event (its TransactionEnd prepare).
      const position = result.position
        ? Number(result.position.commit)
        : (await this.eventAt(stream, version)).position;
      return { nextExpectedVersion: version, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return undefined;
      throw error;
    }
  }

  private async alreadyAppended(
    stream: string,
    ids: readonly string[],
    actual: number | undefined,
  ): Promise<AppendResult | undefined> {
    if (actual === undefined) return undefined;
    const wanted = new Set(ids);
    let found = 0;
    let last: StoredEvent | undefined;
    for await (const event of this.streamEvents(stream, {})) {
      if (!wanted.has(event.id)) continue;
      found += 1;
      last = event;
    }
    if (!last) return undefined;
    if (found !== ids.length) throw new WrongExpectedVersion(stream, 'any', actual);
    return { nextExpectedVersion: last.streamVersion, position: last.position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    for await (const event of this.streamEvents(stream, options)) yield this.upcasters.upcast(event);
  }

  readStreamRaw(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    return this.streamEvents(stream, options);
  }

  private async *streamEvents(
    stream: string,
    options: ReadStreamOptions,
    limit = Number.MAX_SAFE_INTEGER,
  ): AsyncGenerator<StoredEvent> {
    const backwards = options.backwards ?? false;
    // Backwards, fromVersion is the top of the range and toVersion its bottom (as in the SQL store).
    const low = (backwards ? options.toVersion : options.fromVersion) ?? 0;
    const high = backwards ? options.fromVersion : options.toVersion;
    if (high !== undefined && high < low) return;
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: backwards ? (high === undefined ? END : BigInt(high)) : BigInt(low),
      maxCount: Math.min(limit, high === undefined ? Number.MAX_SAFE_INTEGER : high - low + 1),
    });
    try {
      for await (const { event } of iterate(read)) {
        if (!event) continue;
        const stored = decode(event);
        if (!stored) throw new Error(`Event ${event.id} in ${stream} was not written by this event store`);
        if (stored.streamVersion < low) return; // backwards from the end, past the range
        yield stored;
      }
    } catch (error) {
      // ESDB has no empty streams: a stream nobody wrote to reads as not found.
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  private async lastOf(stream: string): Promise<StoredEvent | undefined> {
    for await (const event of this.streamEvents(stream, { backwards: true }, 1)) return event;
    return undefined;
  }

  private async eventAt(stream: string, version: number): Promise<StoredEvent> {
    for await (const event of this.streamEvents(stream, { fromVersion: version, toVersion: version })) {
      return event;
    }
    throw new Error(`Stream ${stream} has no event at version ${version}`);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const batchSize = options.batchSize ?? this.pageSize;
    let after = options.fromPosition ?? 0;
    const to = options.toPosition ?? Infinity;
    for (;;) {
      const { events, last } = await this.readPage(after, batchSize);
      for (const event of events) {
        if (event.position > to) return;
        yield event;
      }
      if (events.length < batchSize || last >= to) return;
      after = last;
    }
  }

  async head(): Promise<number> {
    const back = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    for await (const { event } of iterate(back)) {
      if (event && decode(event)) return positionOf(event);
    }
    return 0;
  }

  /**
   * Up to `limit` of our events strictly after `after`, and the position of the last record
   * looked at. System and foreign events are skipped here: this client's readAll has no
   * server-side filter, so a page may take several round trips.
   */
  private async readPage(after: number, limit: number): Promise<{ events: StoredEvent[]; last: number }> {
    const events: StoredEvent[] = [];
    let last = after;
    for (;;) {
      const chunk = await this.rawAfter(last, limit);
      for (const raw of chunk) {
        last = positionOf(raw);
        const event = decode(raw);
        if (event) events.push(this.upcasters.upcast(event));
        if (events.length === limit) return { events, last };
      }
      if (chunk.length < limit) return { events, last };
    }
  }

  /**
   * Up to `count` records of $all strictly after `after`. ESDB reads $all inclusively and only
   * from the start of a record: any other number fails or silently reads nothing. So the read
   * starts at `after` only if the event there comes back first, which proves it is an event's
   * position (commit = prepare for every gRPC append); otherwise, e.g. for `position - 1`, it
   * starts at the newest event at or before `after`, found scanning back from the end.
   */
  private async rawAfter(after: number, count: number): Promise<AllStreamRecordedEvent[]> {
    if (after > 0) {
      const at = { commit: BigInt(after), prepare: BigInt(after) };
      const chunk = await this.readAllFrom(at, count + 1).catch(() => undefined);
      if (chunk?.[0] && positionOf(chunk[0]) === after) return chunk.slice(1);
    }
    // Position 0 holds the log's first epoch record, never an event.
    const start = after > 0 ? await this.lastAtOrBefore(after) : START;
    const chunk = await this.readAllFrom(start, count + 1);
    return chunk.filter((event) => positionOf(event) > after).slice(0, count);
  }

  private async readAllFrom(fromPosition: ReadPosition, maxCount: number): Promise<AllStreamRecordedEvent[]> {
    const records: AllStreamRecordedEvent[] = [];
    for await (const { event } of this.client.readAll({ fromPosition, maxCount })) {
      if (event) records.push(event);
    }
    return records;
  }

  private async lastAtOrBefore(position: number): Promise<ReadPosition> {
    const back = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    for await (const { event } of iterate(back)) {
      if (event && positionOf(event) <= position) return event.position;
    }
    return START;
  }

  /**
   * Polls $all like the SQL store (ESDB makes positions visible in order, so exactly-once
   * holds), woken early by a live ESDB subscription used only as a doorbell.
   */
  subscribeToAll(options: SubscribeOptions): Subscription {
    // Where a poll that found only system events stopped, so the next does not rescan them.
    let skipped = { after: Number.NaN, last: 0 };
    return pollingSubscription({
      ...options,
      readPage: async (after) => {
        const from = skipped.after === after ? skipped.last : after;
        const { events, last } = await this.readPage(from, this.pageSize);
        if (events.length === 0) skipped = { after, last };
        return events;
      },
      listen: async (wake) => {
        const live = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
        // Without the doorbell the poll interval still delivers; report and carry on.
        live.on('data', wake).on('error', (error) => options.onError?.(error));
        return () => live.unsubscribe();
      },
    });
  }

  async streamVersion(stream: string): Promise<number | undefined> {
    return (await this.lastOf(stream))?.streamVersion;
  }

  /** Commit positions are byte offsets, not counts: the events are counted, up to `limit`. */
  async countAfter(position: number, limit: number): Promise<number> {
    let count = 0;
    for await (const _ of this.readAll({ fromPosition: position, batchSize: Math.min(limit, 500) })) {
      if (++count >= limit) break;
    }
    return count;
  }

  async ping(): Promise<void> {
    await this.readAllFrom(START, 1);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

/** Iterates a client read, cancelling the gRPC call if the loop stops early. */
async function* iterate<E>(read: StreamingRead<E>): AsyncGenerator<E> {
  let finished = false;
  try {
    for await (const item of read) yield item;
    finished = true;
  } finally {
    if (!finished) await read.cancel();
  }
}

function positionOf(event: RecordedEvent): number {
  const commit = event.position?.commit;
  if (commit === undefined || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`EventStoreDB reported no usable position for event ${event.id} (server 22.6+ needed)`);
  }
  return Number(commit);
}

/** The envelope of an event this store wrote; undefined for system and foreign events. */
function decode(event: RecordedEvent): StoredEvent | undefined {
  if (event.streamId.startsWith('$') || event.type.startsWith('$') || !event.isJson) return undefined;
  if (!isRecord(event.metadata)) return undefined;
  const { [ENVELOPE_KEY]: envelope, ...writerMetadata } = event.metadata;
  const { schemaVersion, recordedAt, hash } = isRecord(envelope) ? envelope : {};
  if (typeof schemaVersion !== 'number' || typeof recordedAt !== 'string' || typeof hash !== 'string') {
    return undefined;
  }
  return {
    id: event.id,
    stream: event.streamId,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata: writerMetadata,
    recordedAt: new Date(recordedAt),
    streamVersion: Number(event.revision),
    position: positionOf(event),
    hash,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}
