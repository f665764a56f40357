import type { StoredDomainEvent } from '@expediente/domain';
import { asDomainEvent, isEventOf } from '../event-store/domain-events';
import type { EventStore, StoredEvent } from '../event-store/event-store.port';
import { derivedIds, streams } from '../event-store/streams';

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
 * Every stream that makes up the case: the filing, its receipt, the review, the resolution's
 * notifications and paper copy, the alerts sent about it, and the powers of attorney it was
 * filed or answered under. The worker names notifications and alerts after the event that
 * caused them (`derivedIds`), so they are found from the case's own events.
 */
export async function caseStreamsOf(
  store: EventStore,
  caseId: string,
  range: TimeRange,
): Promise<StreamSelection | undefined> {
  const filing = await rawStream(store, streams.filing(caseId));
  if (filing.length === 0) return undefined;
  const found = new Map<string, StoredEvent[]>([[streams.filing(caseId), filing]]);
  const read = async (stream: string) => {
    if (!found.has(stream)) found.set(stream, await rawStream(store, stream));
    return found.get(stream)!;
  };
  for (const stream of [streams.receipt(caseId), streams.review(caseId), streams.paperPost(caseId)]) {
    await read(stream);
  }
  for (const event of found.get(streams.review(caseId))!) {
    if (event.type === 'ResolutionIssued')
      await read(streams.notification(derivedIds.notification(event.id)));
  }
  // Alerts and powers are named by events of the streams read so far.
  for (const event of [...found.values()].flat()) {
    const domainEvent = asDomainEvent(event);
    if (!domainEvent) continue;
    if (domainEvent.type === 'InformationRequested' || domainEvent.type === 'NotificationMadeAvailable') {
      await read(streams.alert(derivedIds.alert(event.id)));
    }
    for (const powerId of powersNamedBy(domainEvent)) await read(streams.power(powerId));
  }
  return selectRange([...found.values()], range);
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

const isSubmission = isEventOf(['ReportsSubmitted', 'EntitlementApplicationSubmitted']);
const isNotificationStep = isEventOf([
  'NotificationAccessed',
  'NotificationAccepted',
  'NotificationRejected',
]);

/** Powers of attorney a filing or a notification step was made under. */
function powersNamedBy(event: StoredDomainEvent): string[] {
  const basis = isSubmission(event)
    ? event.data.representation
    : isNotificationStep(event)
      ? event.data.basis
      : undefined;
  return basis?.kind === 'power-of-attorney' ? [basis.powerId] : [];
}
