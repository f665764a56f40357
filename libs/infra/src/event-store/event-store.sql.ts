import { SqlClient, SqlExecutor } from '../sql/sql-client';
import { eventHash, GENESIS_HASH, toStoredJson } from './event-hash';
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
    return this.sql.transaction(async (tx) => {
      const head = await tx.query<{ version: number; last_hash: string }>(
        'SELECT version, last_hash FROM streams WHERE stream_id = $1 FOR UPDATE',
        [stream],
      );
      const current = head[0];
      const retried = await this.alreadyAppended(tx, stream, events);
      if (retried) return retried;
      checkExpected(stream, expectedVersion, current?.version);

      const recordedAt = this.clock();
      let previousHash = current?.last_hash ?? GENESIS_HASH;
      let version = current?.version ?? -1;
      const rows = events.map((event) => {
        version += 1;
        const row = {
          id: event.id,
          stream,
          streamVersion: version,
          type: event.type,
          schemaVersion: event.schemaVersion ?? 1,
          data: toStoredJson(event.data),
          metadata: toStoredJson(event.metadata ?? {}),
          recordedAt,
        };
        previousHash = eventHash(previousHash, row);
        return { ...row, hash: previousHash };
      });

      if (current) {
        await tx.query('UPDATE streams SET version = $2, last_hash = $3 WHERE stream_id = $1', [
          stream,
          version,
          previousHash,
        ]);
      } else {
        const created = await tx.query(
          'INSERT INTO streams (stream_id, version, last_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
          [stream, version, previousHash],
        );
        // Another writer created the stream between our read and our insert.
        if (created.length === 0)
          throw new WrongExpectedVersion(stream, expectedVersion, await this.streamVersion(stream));
      }

      // Taken last and held to commit: positions are assigned in commit order (see migrations).
      const [reserved] = await tx.query<{ position: string }>(
        'UPDATE event_log_head SET position = position + $1 RETURNING position',
        [rows.length],
      );
      const last = Number(reserved!.position);
      const first = last - rows.length + 1;
      await tx.query(
        `INSERT INTO events (${columns})
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[],
                              $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::text[])`,
        [
          rows.map((_, i) => first + i),
          rows.map((r) => r.stream),
          rows.map((r) => r.streamVersion),
          rows.map((r) => r.id),
          rows.map((r) => r.type),
          rows.map((r) => r.schemaVersion),
          rows.map((r) => JSON.stringify(r.data)),
          rows.map((r) => JSON.stringify(r.metadata)),
          rows.map(() => recordedAt.toISOString()),
          rows.map((r) => r.hash),
        ],
      );
      await tx.query(`SELECT pg_notify('${EVENTS_CHANNEL}', $1)`, [String(last)]);
      return { nextExpectedVersion: version, position: last };
    });
  }

  /** A retry of an append that already committed returns that append's result instead of failing. */
  private async alreadyAppended(
    tx: SqlExecutor,
    stream: string,
    events: readonly NewEvent[],
  ): Promise<AppendResult | undefined> {
    const found = await tx.query<{ event_id: string; stream_version: number; position: string }>(
      'SELECT event_id, stream_version, position FROM events WHERE stream_id = $1 AND event_id = ANY($2::uuid[])',
      [stream, events.map((e) => e.id)],
    );
    if (found.length === 0) return undefined;
    if (found.length !== events.length) {
      throw new WrongExpectedVersion(stream, 'any', await this.streamVersion(stream));
    }
    const last = found.reduce((a, b) => (a.stream_version > b.stream_version ? a : b));
    return { nextExpectedVersion: last.stream_version, position: Number(last.position) };
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
