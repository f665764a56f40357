import { performance } from 'node:perf_hooks';
import { SqlClient } from '../sql/sql-client';
import { streams as streamNames } from '../event-store/streams';
import { Checkpoint, StreamHead } from './checkpoint';
import { checkCheckpointChain, checkHeads, Trust } from './checkpoint-checks';
import { headsOf, headsOfCase, readCheckpoints } from './checkpoint-store';
import { scanLog, scanStream } from './event-scan';
import { Finding, Findings } from './findings';
import { ChainCheck, LoggedEvent, RangeCheck, SealedStreams } from './log-checks';

export interface VerificationReport {
  /** The whole log, or one case's streams. */
  readonly scope:
    { readonly kind: 'log' } | { readonly kind: 'case'; readonly caseId: string; readonly streams: string[] };
  /** No finding at all. */
  readonly intact: boolean;
  readonly events: number;
  readonly streams: number;
  readonly checkpoints: number;
  readonly timestamped: number;
  /** Events after the last checkpoint: chain-checked, but nothing yet seals them. */
  readonly notYetCheckpointed: {
    readonly events: number;
    readonly firstPosition?: number;
    readonly lastPosition?: number;
  };
  readonly findings: readonly Finding[];
  /** All findings; `findings` keeps the first 1000. */
  readonly findingsTotal: number;
  readonly seconds: number;
}

export interface VerifyProgress {
  readonly events: number;
  readonly position: number;
}

export interface VerifyOptions {
  readonly onProgress?: (progress: VerifyProgress) => void;
  readonly pageSize?: number;
}

const PROGRESS_EVERY = 10_000;

class Tail {
  events = 0;
  firstPosition?: number;
  lastPosition?: number;
  add(position: number): void {
    this.events += 1;
    this.firstPosition ??= position;
    this.lastPosition = position;
  }
}

/**
 * The whole log in one pass in position order, with constant memory in the number of events
 * (one entry per stream, one checkpoint's heads at a time): every chain, every checkpoint's
 * root, count, heads, signature and place in the chain of checkpoints.
 */
export async function verifyLog(
  sql: SqlClient,
  trust: Trust,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const started = performance.now();
  const findings = new Findings();
  const checkpoints = await readCheckpoints(sql);
  const timestamped = checkCheckpointChain(checkpoints, trust, findings);
  const chain = new ChainCheck(findings);
  const tail = new Tail();
  const sealedStreams = new SealedStreams(findings);
  const open = async (at: number) => {
    const checkpoint = checkpoints[at];
    const range = checkpoint && (await openRange(sql, checkpoint, findings));
    if (range) sealedStreams.add(range);
    return range;
  };
  // The next checkpoint's heads are read while this one's range is checked.
  let index = 0;
  let range = await open(0);
  let upcoming = open(1);
  upcoming.catch(() => undefined);
  const advance = async () => {
    range?.close();
    index += 1;
    range = await upcoming;
    upcoming = open(index + 1);
    // Awaited at the next advance; a scan that fails first must not leave it unhandled.
    upcoming.catch(() => undefined);
  };
  let events = 0;
  for await (const event of scanLog(sql, { pageSize: options.pageSize })) {
    while (range && event.position > range.checkpoint.lastPosition) await advance();
    chain.observe(event);
    if (!range) tail.add(event.position);
    else if (event.position >= range.checkpoint.firstPosition) range.observe(event);
    else betweenCheckpoints(event, range.checkpoint, checkpoints[index - 1], findings);
    events += 1;
    if (events % PROGRESS_EVERY === 0) options.onProgress?.({ events, position: event.position });
  }
  while (range) await advance();
  await upcoming;
  sealedStreams.reportMissing((stream) => chain.has(stream));
  return report(
    { kind: 'log' },
    { events, streams: chain.streamCount, checkpoints, timestamped, tail, findings, started },
  );
}

/**
 * One case: its streams (by name, by the checkpoints' record of which case a stream belongs
 * to, and by the caseId of events not yet checkpointed), each read in version order and checked
 * against every checkpoint that sealed any of its events; the checkpoint chain as a whole too.
 */
export async function verifyCase(sql: SqlClient, trust: Trust, caseId: string): Promise<VerificationReport> {
  const started = performance.now();
  const findings = new Findings();
  const checkpoints = await readCheckpoints(sql);
  const timestamped = checkCheckpointChain(checkpoints, trust, findings);
  const named = [streamNames.filing, streamNames.receipt, streamNames.review, streamNames.paperPost].map(
    (name) => name(caseId),
  );
  const sealedHeads = await headsOfCase(sql, caseId, named);
  const sealedEnd = checkpoints.at(-1)?.lastPosition ?? 0;
  // Named streams wherever they are; others by their caseId after the checkpoints (sealed
  // ones are in the heads). A forged unnamed stream inside a sealed range shows in verifyLog only.
  const recent = await sql.query<{ stream_id: string }>(
    `SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($2::text[])
     UNION SELECT DISTINCT stream_id FROM events WHERE position > $1 AND data->>'caseId' = $3`,
    [sealedEnd, named, caseId],
  );
  const caseStreams = [
    ...new Set([...sealedHeads.map((head) => head.stream), ...recent.map((row) => row.stream_id)]),
  ].sort();
  const inCase = new Set(caseStreams);
  const ranges = new Map<number, RangeCheck>();
  const sealedStreams = new SealedStreams(findings);
  const present = new Set<string>();
  const rangeFor = async (checkpoint: Checkpoint): Promise<RangeCheck> => {
    let range = ranges.get(checkpoint.seq);
    if (!range) {
      range = await openRange(sql, checkpoint, findings, (head) => inCase.has(head.stream));
      ranges.set(checkpoint.seq, range);
      sealedStreams.add(range);
    }
    return range;
  };
  const bySeq = new Map(checkpoints.map((checkpoint) => [checkpoint.seq, checkpoint]));
  for (const head of sealedHeads) {
    const checkpoint = bySeq.get(head.checkpoint);
    if (checkpoint) await rangeFor(checkpoint);
  }
  const tail = new Tail();
  let events = 0;
  for (const stream of caseStreams) {
    const chain = new ChainCheck(findings);
    for await (const event of scanStream(sql, stream)) {
      present.add(stream);
      chain.observe(event);
      events += 1;
      const at = covering(checkpoints, event.position);
      if (at.checkpoint) (await rangeFor(at.checkpoint)).observe(event);
      else if (at.before) betweenCheckpoints(event, at.before, at.after, findings);
      else tail.add(event.position);
    }
  }
  for (const range of ranges.values()) range.close();
  sealedStreams.reportMissing((stream) => present.has(stream));
  return report(
    { kind: 'case', caseId, streams: caseStreams },
    { events, streams: caseStreams.length, checkpoints, timestamped, tail, findings, started },
  );
}

async function openRange(
  sql: SqlClient,
  checkpoint: Checkpoint,
  findings: Findings,
  inScope?: (head: StreamHead) => boolean,
): Promise<RangeCheck> {
  const heads = await headsOf(sql, checkpoint.seq);
  checkHeads(checkpoint, heads, findings);
  return new RangeCheck(checkpoint, inScope ? heads.filter(inScope) : heads, findings, !inScope);
}

function betweenCheckpoints(
  event: LoggedEvent,
  next: Checkpoint,
  previous: Checkpoint | undefined,
  findings: Findings,
): void {
  findings.add({
    code: 'EVENT_BETWEEN_CHECKPOINTS',
    checkpoint: next.seq,
    stream: event.stream,
    version: event.streamVersion,
    position: event.position,
    eventId: event.id,
    message: `no event can lie between checkpoint ${previous ? previous.seq : '(start)'} and checkpoint ${next.seq}: it was written afterwards`,
    expected: `nothing between ${previous?.lastPosition ?? 0} and ${next.firstPosition}`,
    found: event.position,
  });
}

/** The checkpoint whose range holds a position; or the ones around the gap it falls in. */
function covering(
  checkpoints: readonly Checkpoint[],
  position: number,
): { checkpoint?: Checkpoint; before?: Checkpoint; after?: Checkpoint } {
  let low = 0;
  let high = checkpoints.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const checkpoint = checkpoints[middle]!;
    if (position < checkpoint.firstPosition) high = middle - 1;
    else if (position > checkpoint.lastPosition) low = middle + 1;
    else return { checkpoint };
  }
  // low is the first checkpoint starting after the position.
  return low < checkpoints.length ? { before: checkpoints[low], after: checkpoints[low - 1] } : {};
}

function report(
  scope: VerificationReport['scope'],
  facts: {
    events: number;
    streams: number;
    checkpoints: readonly Checkpoint[];
    timestamped: number;
    tail: Tail;
    findings: Findings;
    started: number;
  },
): VerificationReport {
  const { tail, findings } = facts;
  return {
    scope,
    intact: findings.total === 0,
    events: facts.events,
    streams: facts.streams,
    checkpoints: facts.checkpoints.length,
    timestamped: facts.timestamped,
    notYetCheckpointed: {
      events: tail.events,
      ...(tail.firstPosition !== undefined && {
        firstPosition: tail.firstPosition,
        lastPosition: tail.lastPosition,
      }),
    },
    findings: findings.kept,
    findingsTotal: findings.total,
    seconds: Math.round(performance.now() - facts.started) / 1000,
  };
}
