import { isExpedienteEventType, type StoredDomainEvent } from '@expediente/domain';
import type { StoredEvent } from './event-store.port';

/**
 * The one place a stored event becomes the domain's typed event: its type must be one the
 * domain's union names. Everything in the log was appended through the one write path from a
 * decider's typed events (and upcast on read), so its `data` is what that type says.
 * Undefined for a type Expediente does not know (an event written by a newer version).
 */
export function asDomainEvent(stored: StoredEvent): StoredDomainEvent | undefined {
  return isExpedienteEventType(stored.type) ? (stored as StoredDomainEvent) : undefined;
}
