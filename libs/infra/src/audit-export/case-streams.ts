import { CaseHistory } from '../audit/case-history';
import type { EventStore, StoredEvent } from '../event-store/event-store.port';

/** Events recorded at or after `from` and before `to`; either end may be open. */
export interface TimeRange {
  readonly from?: Date;
  readonly to?: Date;
}

export interface StreamSelection {
  readonly events: readonly StoredEvent[];
  /** For a stream exported from the middle: the hash of the event just before its first. */
  readonly previousHashes: ReadonlyMap<string, string>;
}

async function rawStream(store: EventStore, stream: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readStreamRaw(stream)) events.push(event);
  return events;
}

/**
 * Every stream that makes up the case, as the auditors' history finds them (audit/case-history.ts:
 * one rule for what a case is), read as stored, each cut to the range.
 */
export async function caseStreamsOf(
  store: EventStore,
  caseId: string,
  range: TimeRange,
): Promise<StreamSelection | undefined> {
  const found = await new CaseHistory(store).streams(caseId);
  if (!found) return undefined;
  const lists: StoredEvent[][] = [];
  for (const stream of found.keys()) lists.push(await rawStream(store, stream));
  return selectRange(lists, range);
}

/** Every stream with an event recorded in the range, each from its first such event to its last. */
export async function logStreamsIn(store: EventStore, range: TimeRange): Promise<StreamSelection> {
  const touched = new Set<string>();
  for await (const event of store.readAll()) if (inRange(event, range)) touched.add(event.stream);
  const lists: StoredEvent[][] = [];
  for (const stream of touched) lists.push(await rawStream(store, stream));
  return selectRange(lists, range);
}

const inRange = (event: StoredEvent, { from, to }: TimeRange): boolean =>
  (!from || event.recordedAt >= from) && (!to || event.recordedAt < to);

/** Each stream's contiguous stretch from its first event in the range to its last (a chain has no holes). */
function selectRange(lists: readonly StoredEvent[][], range: TimeRange): StreamSelection {
  const events: StoredEvent[] = [];
  const previousHashes = new Map<string, string>();
  for (const list of lists) {
    const first = list.findIndex((event) => inRange(event, range));
    if (first < 0) continue;
    const last = list.length - 1 - [...list].reverse().findIndex((event) => inRange(event, range));
    events.push(...list.slice(first, last + 1));
    if (first > 0) previousHashes.set(list[first]!.stream, list[first - 1]!.hash);
  }
  return { events, previousHashes };
}
