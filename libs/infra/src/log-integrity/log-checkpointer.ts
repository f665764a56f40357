import { READ_FRONTIER, READ_HORIZON } from '../event-store/event-store.migrations';
import { Seal } from '../seal/seal';
import { SqlClient } from '../sql/sql-client';
import { TimeStampAuthority } from '../timestamp/timestamp-authority.port';
import {
  Checkpoint,
  CheckpointPayload,
  caseIdOf,
  checkpointHash,
  FIRST_PREVIOUS_HASH,
  headsRoot,
  signedBytes,
  StreamHead,
} from './checkpoint';
import { insertCheckpoint, lastCheckpoint, latestHeads } from './checkpoint-store';
import { Finding, Findings } from './findings';
import { ChainCheck } from './log-checks';
import { LOGGED_COLUMNS, LoggedRow, toLoggedEvent } from './event-scan';
import { eventLeafHash, MerkleAccumulator } from './merkle';

/** Arbitrary constant: one process at a time appends a checkpoint. */
const CHECKPOINT_LOCK = 727_070;
/** How long to wait for transactions begun before a sealing to end (see waiting). */
const HORIZON_WAIT_MS = 5000;

export interface SealOutcome {
  readonly sealed: readonly Checkpoint[];
  /** Chain problems in the events waiting to be sealed: then nothing is sealed over them. */
  readonly findings: readonly Finding[];
}

interface OpenHead {
  stream: string;
  caseId: string | null;
  fromVersion: number;
  version: number;
  hash: string;
  positions: number[];
}

/**
 * Seals the events after the last checkpoint, at most `maxEvents` per checkpoint. Only events
 * below the read horizon (event-store.migrations.ts) are taken, so no transaction still open can
 * later put one inside a sealed range. The waiting events are verified first (each chain must
 * continue its stream's sealed head): a checkpoint over tampered events would launder them.
 */
export class LogCheckpointer {
  constructor(
    private readonly sql: SqlClient,
    private readonly seal: Seal,
    private readonly tsa: TimeStampAuthority | undefined,
    private readonly clock: () => Date,
    private readonly maxEvents: number,
  ) {}

  /** Waiting events past this many make a checkpoint due before its interval ends. */
  get batchSize(): number {
    return this.maxEvents;
  }

  async sealPending(): Promise<SealOutcome> {
    const sealed: Checkpoint[] = [];
    for (;;) {
      const outcome = await this.sealNext();
      if ('findings' in outcome) return { sealed, findings: outcome.findings };
      if (!outcome.checkpoint) return { sealed, findings: [] };
      sealed.push(outcome.checkpoint);
      if (outcome.checkpoint.count < this.maxEvents) return { sealed, findings: [] };
    }
  }

  /** How many events wait for a checkpoint (counted up to `limit`). */
  async pending(limit: number): Promise<number> {
    const last = await lastCheckpoint(this.sql);
    const [row] = await this.sql.query<{ n: string }>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > $1 LIMIT $2) AS waiting',
      [last?.lastPosition ?? 0, limit],
    );
    return Number(row?.n ?? 0);
  }

  private async sealNext(): Promise<{ checkpoint?: Checkpoint } | { findings: Finding[] }> {
    const last = await lastCheckpoint(this.sql);
    const rows = await this.waiting(last?.lastPosition ?? 0);
    if (rows.length === 0) return {};
    const events = rows.map(toLoggedEvent);
    const findings = new Findings();
    const chain = new ChainCheck(findings);
    for (const head of await latestHeads(this.sql, [...new Set(events.map((event) => event.stream))])) {
      chain.seed(head.stream, { version: head.version, hash: head.hash, position: head.positions.at(-1)! });
    }
    const merkle = new MerkleAccumulator();
    const heads = new Map<string, OpenHead>();
    for (const event of events) {
      chain.observe(event);
      merkle.addLeafHash(eventLeafHash(event.position, event.hash));
      const head = heads.get(event.stream);
      const caseId = head?.caseId ?? caseIdOf(event.stream, event.data);
      if (head) Object.assign(head, { caseId, version: event.streamVersion, hash: event.hash });
      const open = head ?? {
        stream: event.stream,
        caseId,
        fromVersion: event.streamVersion,
        version: event.streamVersion,
        hash: event.hash,
        positions: [],
      };
      open.positions.push(event.position);
      heads.set(event.stream, open);
    }
    if (findings.total > 0) return { findings: findings.kept };
    const streamHeads: StreamHead[] = [...heads.values()];
    const payload: CheckpointPayload = {
      seq: (last?.seq ?? 0) + 1,
      firstPosition: events[0]!.position,
      lastPosition: events[events.length - 1]!.position,
      count: events.length,
      merkleRoot: merkle.root(),
      headsRoot: headsRoot(streamHeads),
      streams: streamHeads.length,
      previousHash: last?.hash ?? FIRST_PREVIOUS_HASH,
      sealedAt: this.clock().toISOString(),
    };
    const hash = checkpointHash(payload);
    const checkpoint: Checkpoint = {
      ...payload,
      hash,
      signature: this.seal.signDetached(signedBytes(payload)),
      timestampToken: this.tsa ? await this.tsa.timestamp(Buffer.from(hash, 'hex')) : null,
    };
    const appended = await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
      const [top] = await tx.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM log_checkpoints');
      // Another process sealed these meanwhile: the caller's next round starts from its checkpoint.
      if ((top?.seq ?? 0) !== (last?.seq ?? 0)) return false;
      await insertCheckpoint(tx, checkpoint, streamHeads);
      return true;
    });
    return appended ? { checkpoint } : this.sealNext();
  }

  /**
   * The events after `after`, below the read horizon: waits (a while) until every transaction
   * begun before the call has ended, so an on-demand checkpoint covers what was committed before
   * it; a transaction held open longer leaves its events and later ones for the next checkpoint.
   */
  private async waiting(after: number): Promise<LoggedRow[]> {
    const deadline = Date.now() + HORIZON_WAIT_MS;
    let frontier: number | undefined;
    for (;;) {
      const rows = await this.sql.query<LoggedRow & { horizon: string; frontier: string }>(
        `SELECT bound.horizon, bound.frontier, e.*
         FROM (SELECT ${READ_HORIZON} AS horizon, ${READ_FRONTIER} AS frontier) AS bound
         LEFT JOIN LATERAL (
           SELECT ${LOGGED_COLUMNS} FROM events WHERE position > $1 AND position < bound.horizon
           ORDER BY position LIMIT $2
         ) AS e ON true`,
        [after, this.maxEvents],
      );
      const [first] = rows;
      frontier ??= Number(first?.frontier ?? 0);
      const events = rows.filter((row) => row.position !== null);
      if (
        events.length === this.maxEvents ||
        Number(first?.horizon ?? 0) >= frontier ||
        Date.now() > deadline
      ) {
        return events;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
