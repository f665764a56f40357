import { SqlClient, SqlExecutor } from '../sql/sql-client';
import { eventHash, GENESIS_HASH } from './event-hash';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedVersion,
} from './event-store.port';
import { UpcasterRegistry } from './upcasters';
import { pollingSubscription } from './polling-subscription';

export const EVENTS_CHANNEL = 'expediente_events';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SqlEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: () => Date;
  /** Rows per round trip when streaming reads. */
  readonly pageSize?: number;
}

interface StreamHead {
  version: number;
  last_hash: string;
  found: { v: number; p: string | number }[] | null;
}

/** A retry of an append that already committed returns that append's result instead of failing. */
function retriedResult(found: readonly { v: number; p: string | number }[]): AppendResult {
  const last = found.reduce((a, b) => (a.v > b.v ? a : b));
  return { nextExpectedVersion: last.v, position: Number(last.p) };
}

interface ChainedRow {
  readonly event: NewEvent;
  readonly version: number;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly recordedAt: Date;
  readonly hash: string;
}

interface EventRow {
  position: string | number;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date | string;
  hash: string;
}

const columns =
  'position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash';

/** The PostgreSQL event store; the same SQL serves PGlite. Tables: event-store.migrations.ts. */
export class SqlEventStore implements EventStore {
  readonly kind: 'postgres' | 'pglite';
  private readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly sql: SqlClient,
    options: SqlEventStoreOptions = {},
  ) {
    this.kind = sql.kind;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = options.pageSize ?? 500;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    { expectedVersion }: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    for (const event of events) {
      if (!uuid.test(event.id)) throw new Error(`Event id "${event.id}" is not a UUID`);
    }
    if (expectedVersion === 'no-stream') {
      // A new stream has no previous hash to read: one self-committing statement creates it.
      // If the stream exists after all (a retry, or a rival), the full path below says which.
      const created = await this.write(this.sql, stream, this.chain(stream, events, undefined), false);
      if (created) return created;
    }
    return this.sql.transaction(async (tx) => {
      // The stream's row lock serialises appends to one stream; the same read finds a retried append.
      const [current] = await tx.query<StreamHead>(
        `SELECT version, last_hash,
                (SELECT json_agg(json_build_object('v', stream_version, 'p', position))
                 FROM events WHERE stream_id = $1 AND event_id = ANY($2::uuid[])) AS found
         FROM streams WHERE stream_id = $1 FOR UPDATE`,
        [stream, events.map((e) => e.id)],
      );
      const found = current?.found ?? [];
      if (found.length === events.length) return retriedResult(found);
      if (found.length > 0) throw new WrongExpectedVersion(stream, expectedVersion, current?.version);
      checkExpected(stream, expectedVersion, current?.version);
      const written = await this.write(
        tx,
        stream,
        this.chain(stream, events, current),
        current !== undefined,
      );
      if (written) return written;
      const [winner] = await tx.query<{ version: number }>(
        'SELECT version FROM streams WHERE stream_id = $1',
        [stream],
      );
      throw new WrongExpectedVersion(stream, expectedVersion, winner?.version);
    });
  }

  /** Versions and hashes for the new events, continuing the stream's chain. */
  private chain(stream: string, events: readonly NewEvent[], head: StreamHead | undefined): ChainedRow[] {
    const recordedAt = this.clock();
    let previousHash = head?.last_hash ?? GENESIS_HASH;
    let version = head?.version ?? -1;
    return events.map((event) => {
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
      return { event, version, dataJson, metadataJson, recordedAt, hash: previousHash };
    });
  }

  /**
   * One statement: move the stream's head (create it, or update it under the row lock the
   * caller holds), reserve positions on the log's head row — locked to commit, so positions
   * follow commit order (see migrations) — insert, and notify subscribers at commit.
   * Undefined when the stream's row could not be created because it exists.
   */
  private async write(
    executor: SqlExecutor,
    stream: string,
    rows: readonly ChainedRow[],
    streamExists: boolean,
  ): Promise<AppendResult | undefined> {
    const last = rows[rows.length - 1]!;
    const moveStream = streamExists
      ? 'UPDATE streams SET version = $11, last_hash = $12 WHERE stream_id = $13 RETURNING 1'
      : 'INSERT INTO streams (stream_id, version, last_hash) VALUES ($13, $11, $12) ON CONFLICT DO NOTHING RETURNING 1';
    const [inserted] = await executor.query<{ last: string | null }>(
      `WITH moved AS (${moveStream}),
       head AS (UPDATE event_log_head SET position = position + $10 WHERE EXISTS (SELECT 1 FROM moved) RETURNING position),
       ins AS (
         INSERT INTO events (${columns})
         SELECT head.position - $10 + t.ord, $13, t.stream_version, t.event_id, t.type, t.schema_version,
                t.data, t.metadata, t.recorded_at, t.hash
         FROM head, unnest($1::int[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[],
                           $7::timestamptz[], $8::text[], $9::int[])
              AS t(stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash, ord)
         RETURNING position)
       SELECT max(position) AS last, pg_notify('${EVENTS_CHANNEL}', max(position)::text) FROM ins`,
      [
        rows.map((r) => r.version),
        rows.map((r) => r.event.id),
        rows.map((r) => r.event.type),
        rows.map((r) => r.event.schemaVersion ?? 1),
        rows.map((r) => r.dataJson),
        rows.map((r) => r.metadataJson),
        rows.map((r) => r.recordedAt.toISOString()),
        rows.map((r) => r.hash),
        rows.map((_, i) => i + 1),
        rows.length,
        last.version,
        last.hash,
        stream,
      ],
    );
    return inserted?.last == null
      ? undefined
      : { nextExpectedVersion: last.version, position: Number(inserted.last) };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    for await (const event of this.readStreamRaw(stream, options)) yield this.upcasters.upcast(event);
  }

  async *readStreamRaw(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const backwards = options.backwards ?? false;
    // Backwards, fromVersion is the top of the range and toVersion its bottom.
    let low = (backwards ? options.toVersion : options.fromVersion) ?? 0;
    let high = (backwards ? options.fromVersion : options.toVersion) ?? 2 ** 31 - 1;
    for (;;) {
      const rows = await this.sql.query<EventRow>(
        `SELECT ${columns} FROM events
         WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3
         ORDER BY stream_version ${backwards ? 'DESC' : 'ASC'} LIMIT $4`,
        [stream, low, high, this.pageSize],
      );
      for (const row of rows) yield toStored(row);
      if (rows.length < this.pageSize) return;
      const edge = rows[rows.length - 1]!.stream_version;
      if (backwards) high = edge - 1;
      else low = edge + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const batchSize = options.batchSize ?? this.pageSize;
    let after = options.fromPosition ?? 0;
    for (;;) {
      const rows = await this.readPage(after, batchSize);
      for (const row of rows) yield row;
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]!.position;
    }
  }

  private async readPage(after: number, limit: number): Promise<StoredEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${columns} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, limit],
    );
    return rows.map((row) => this.upcasters.upcast(toStored(row)));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return pollingSubscription({
      ...options,
      readPage: (after) => this.readPage(after, this.pageSize),
      listen: (wake) => this.sql.listen(EVENTS_CHANNEL, wake),
    });
  }

  async streamVersion(stream: string): Promise<number | undefined> {
    const rows = await this.sql.query<{ version: number }>(
      'SELECT version FROM streams WHERE stream_id = $1',
      [stream],
    );
    return rows[0]?.version;
  }

  /** Positions are gap-free here (the head row hands them out in commit order): a subtraction. */
  async countAfter(position: number, limit: number): Promise<number> {
    const [head] = await this.sql.query<{ position: string }>('SELECT position FROM event_log_head');
    return Math.min(limit, Math.max(0, Number(head?.position ?? 0) - position));
  }

  async ping(): Promise<void> {
    await this.sql.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}

function checkExpected(stream: string, expected: ExpectedVersion, actual: number | undefined): void {
  if (expected === 'any') return;
  if (expected === 'no-stream' ? actual !== undefined : actual !== expected) {
    throw new WrongExpectedVersion(stream, expected, actual);
  }
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    stream: row.stream_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at),
    streamVersion: row.stream_version,
    position: Number(row.position),
    hash: row.hash.trim(),
  };
}
