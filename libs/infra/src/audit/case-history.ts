import { NotFound, type StoredDomainEvent } from '@expediente/domain';
import type { EventStore, StoredEvent } from '../event-store/event-store.port';
import { isEventOf, readDomainStream } from '../event-store/domain-events';
import { derivedIds, streams } from '../event-store/streams';

/** Where in a case's history to stop: at a global log position, or at an instant (recorded time). */
export type HistoryPoint =
  { readonly kind: 'position'; readonly position: number } | { readonly kind: 'instant'; readonly at: Date };

/** Whether the event had happened by `point`: at or before the position, or recorded at or before the instant. */
export const happenedBy = (
  point: HistoryPoint,
  event: Pick<StoredEvent, 'position' | 'recordedAt'>,
): boolean =>
  point.kind === 'position'
    ? event.position <= point.position
    : event.recordedAt.getTime() <= point.at.getTime();

export const caseNotFound = (caseId: string): NotFound =>
  new NotFound('CASE_NOT_FOUND', `There is no case ${caseId}.`, { caseId });

const byPosition = (a: StoredEvent, b: StoredEvent) => a.position - b.position;

/**
 * Every stream that makes up a case, found from the case's own events the way the worker names
 * them (streams.ts): the filing, its receipt, review, paper copy and access log by the case id; each
 * notification by the resolution that issued it; each alert by the event that asked for it; each
 * power of attorney the filing or a notification's actor relied on.
 */
export class CaseHistory {
  constructor(private readonly store: EventStore) {}

  /** The case's streams with their events (upcast, typed); undefined when there is no such case. */
  async streams(caseId: string): Promise<ReadonlyMap<string, readonly StoredDomainEvent[]> | undefined> {
    const found = new Map<string, StoredDomainEvent[]>();
    const read = async (stream: string): Promise<StoredDomainEvent[]> => {
      const known = found.get(stream);
      if (known) return known;
      const events = await readDomainStream(this.store, stream);
      found.set(stream, events);
      return events;
    };
    const filing = await read(streams.filing(caseId));
    if (filing.length === 0) return undefined;
    const [review] = await Promise.all([
      read(streams.review(caseId)),
      read(streams.receipt(caseId)),
      read(streams.paperPost(caseId)),
      read(streams.caseAccess(caseId)),
    ]);
    for (const submitted of filing.filter(
      isEventOf(['ReportsSubmitted', 'EntitlementApplicationSubmitted']),
    )) {
      if (submitted.data.representation.kind === 'power-of-attorney')
        await read(streams.power(submitted.data.representation.powerId));
    }
    for (const requested of review.filter(isEventOf(['InformationRequested'])))
      await read(streams.alert(derivedIds.alert(requested.id)));
    for (const issued of review.filter(isEventOf(['ResolutionIssued']))) {
      const notification = await read(streams.notification(derivedIds.notification(issued.id)));
      for (const event of notification) {
        if (event.type === 'NotificationMadeAvailable') await read(streams.alert(derivedIds.alert(event.id)));
        if (
          (event.type === 'NotificationAccessed' ||
            event.type === 'NotificationAccepted' ||
            event.type === 'NotificationRejected') &&
          event.data.basis.kind === 'power-of-attorney'
        )
          await read(streams.power(event.data.basis.powerId));
      }
    }
    return new Map([...found].filter(([, events]) => events.length > 0));
  }

  /** Every event of the case, typed, in global log order. */
  async events(caseId: string): Promise<readonly StoredDomainEvent[]> {
    const found = await this.streams(caseId);
    if (!found) throw caseNotFound(caseId);
    return [...found.values()].flat().sort(byPosition);
  }

  /** Every event of the case as stored (before upcasting: what the hash chains cover), in global log order. */
  async rawEvents(caseId: string): Promise<readonly StoredEvent[]> {
    const found = await this.streams(caseId);
    if (!found) throw caseNotFound(caseId);
    const raw: StoredEvent[] = [];
    for (const stream of found.keys())
      for await (const event of this.store.readStreamRaw(stream)) raw.push(event);
    return raw.sort(byPosition);
  }
}
