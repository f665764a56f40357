import { SqlClient } from '../sql/sql-client';
import { POSITIONS_PER_TRANSACTION, READ_FRONTIER, READ_HORIZON } from './event-store.migrations';
import { chainEvents, EVENT_COLUMNS, Head, insertAfter, readHead } from './event-store.sql-append';
import {
  AppendOptions,
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
import { processClock } from '../clock/clock';

export const EVENTS_CHANNEL = 'expediente_events';
const ANNOUNCE_INTERVAL_MS = 10;
const HORIZON_WAIT_MS = 5;
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

type PageRow = Omit<EventRow, 'position'> & {
  position: string | number | null;
  horizon: string;
  frontier: string;
};

interface Page {
  readonly events: StoredEvent[];
  readonly horizon: number;
  readonly frontier: number;
}

/** The PostgreSQL event store; the same SQL serves PGlite. Tables: event-store.migrations.ts. */
export class SqlEventStore implements EventStore {
  readonly kind: 'postgres' | 'pglite';
  private readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly pageSize: number;
  private announcing?: Promise<void>;
  private announceAgain = false;

  constructor(
    private readonly sql: SqlClient,
    options: SqlEventStoreOptions = {},
  ) {
    this.kind = sql.kind;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => processClock.now());
    this.pageSize = options.pageSize ?? 500;
  }

  /**
   * One round trip (one self-committing INSERT) when the writer names the event it
   * chains onto: a new stream, or a version with its hash. Otherwise the head is read first.
   */
  async append(
    stream: string,
    events: readonly NewEvent[],
    { expectedVersion, expectedHash }: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    if (events.length > POSITIONS_PER_TRANSACTION) {
      throw new Error(`append takes at most ${POSITIONS_PER_TRANSACTION} events, got ${events.length}`);
    }
    for (const event of events) {
      if (!uuid.test(event.id)) throw new Error(`Event id "${event.id}" is not a UUID`);
    }
    const ids = events.map((e) => e.id);
    let head: Head | undefined;
    if (typeof expectedVersion === 'number' && expectedHash !== undefined) {
      head = { version: expectedVersion, hash: expectedHash };
    } else if (expectedVersion !== 'no-stream') {
      const actual = await readHead(this.sql, stream, ids, expectedVersion);
      if ('position' in actual) return actual;
      checkExpected(stream, expectedVersion, actual.head?.version);
      head = actual.head;
    }
    for (;;) {
      const written = await insertAfter(
        this.sql,
        stream,
        head,
        chainEvents(stream, events, head, this.clock()),
      );
      if (written) {
        this.announce();
        return written;
      }
      // Not where we chained: a retry that already committed, a rival, or a wrong expectedHash.
      const actual = await readHead(this.sql, stream, ids, expectedVersion);
      if ('position' in actual) return actual;
      if (expectedVersion === 'any') {
        head = actual.head;
        continue;
      }
      if (actual.head?.version === expectedVersion) {
        throw new Error(`Stream ${stream}: expectedHash is not the hash of version ${expectedVersion}`);
      }
      throw new WrongExpectedVersion(stream, expectedVersion, actual.head?.version);
    }
  }

  /**
   * Wakes subscribers after a commit. Not in the append's own statement: NOTIFY takes a
   * cluster-wide lock held through commit, which would serialise every append's commit again.
   * At most one NOTIFY per interval per store: the first append after a quiet interval is
   * announced at once, those committed within the interval by one more at its end.
   */
  private announce(): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    const send = async (): Promise<void> => {
      do {
        this.announceAgain = false;
        await this.sql.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_INTERVAL_MS));
      } while (this.announceAgain);
      this.announcing = undefined;
    };
    this.announcing = send();
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
        `SELECT ${EVENT_COLUMNS} FROM events
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

  /**
   * Everything committed before the call, and whatever else is below the horizon by the end: a
   * short page ends the read only once every transaction begun before the read has ended.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const batchSize = options.batchSize ?? this.pageSize;
    let after = options.fromPosition ?? 0;
    let frontier: number | undefined;
    const to = options.toPosition;
    for (;;) {
      const page = await this.readPage(after, batchSize);
      frontier ??= page.frontier;
      for (const event of page.events) {
        if (to !== undefined && event.position > to) return;
        yield event;
      }
      if (page.events.length > 0) after = page.events[page.events.length - 1]!.position;
      if (to !== undefined && after >= to) return;
      if (page.events.length === batchSize) continue;
      if (to === undefined ? page.horizon >= frontier : page.horizon > to) return;
      await new Promise((resolve) => setTimeout(resolve, HORIZON_WAIT_MS));
    }
  }

  /**
   * Only below the horizon (see migrations): what a later page could add sorts after this one.
   * The horizon and the frontier (the first position a transaction not yet begun could take)
   * come from the page's own snapshot.
   */
  private async readPage(after: number, limit: number): Promise<Page> {
    const rows = await this.sql.query<PageRow>(
      `SELECT bound.horizon, bound.frontier, e.*
       FROM (SELECT ${READ_HORIZON} AS horizon, ${READ_FRONTIER} AS frontier) AS bound
       LEFT JOIN LATERAL (
         SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 AND position < bound.horizon
         ORDER BY position LIMIT $2
       ) AS e ON true`,
      [after, limit],
    );
    const [first] = rows;
    return {
      horizon: Number(first?.horizon ?? 0),
      frontier: Number(first?.frontier ?? 0),
      events: rows
        .filter((row): row is PageRow & EventRow => row.position !== null)
        .map((row) => this.upcasters.upcast(toStored(row))),
    };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return pollingSubscription({
      ...options,
      readPage: async (after) => (await this.readPage(after, this.pageSize)).events,
      listen: (wake) => this.sql.listen(EVENTS_CHANNEL, wake),
    });
  }

  async streamVersion(stream: string): Promise<number | undefined> {
    const [row] = await this.sql.query<{ version: number | null }>(
      'SELECT max(stream_version) AS version FROM events WHERE stream_id = $1',
      [stream],
    );
    return row?.version ?? undefined;
  }

  /** Positions are gap-free here (the head row hands them out in commit order): a subtraction. */
  async countAfter(position: number, limit: number): Promise<number> {
    // Positions are sparse (transaction id × 1024 + index): count rows, bounded by `limit`.
    const [row] = await this.sql.query<{ behind: string }>(
      'SELECT count(*) AS behind FROM (SELECT 1 FROM events WHERE position > $1 ORDER BY position LIMIT $2) AS after',
      [position, limit],
    );
    return Number(row?.behind ?? 0);
  }

  async head(): Promise<number> {
    const [row] = await this.sql.query<{ head: string | null }>(
      `SELECT max(position) AS head FROM events WHERE position < ${READ_HORIZON}`,
    );
    return Number(row?.head ?? 0);
  }

  async ping(): Promise<void> {
    await this.sql.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.announcing;
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
