import {
  isExpedienteEventType,
  type EventOfType,
  type ExpedienteEventType,
  type StoredDomainEvent,
} from '@expediente/domain';
import type { EventStore, StoredEvent } from './event-store.port';

/**
 * The one place a stored event becomes the domain's typed event: its type must be one the
 * domain's union names. Everything in the log was appended through the one write path from a
 * decider's typed events (and upcast on read), so its `data` is what that type says.
 * Undefined for a type Expediente does not know (an event written by a newer version).
 */
export function asDomainEvent(stored: StoredEvent): StoredDomainEvent | undefined {
  return isExpedienteEventType(stored.type) ? (stored as StoredDomainEvent) : undefined;
}

/** A type guard for events of `types`, so a find or filter narrows their data too. */
export const isEventOf =
  <Type extends ExpedienteEventType>(types: readonly Type[]) =>
  (event: StoredDomainEvent): event is StoredDomainEvent<EventOfType<Type>> =>
    (types as readonly string[]).includes(event.type);

/** A stream's events, typed; events of a type Expediente does not know are left out. */
export async function readDomainStream(store: EventStore, stream: string): Promise<StoredDomainEvent[]> {
  const events: StoredDomainEvent[] = [];
  for await (const stored of store.readStream(stream)) {
    const event = asDomainEvent(stored);
    if (event) events.push(event);
  }
  return events;
}
