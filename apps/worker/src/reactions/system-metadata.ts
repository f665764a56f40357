import type { CommandMetadata } from '@expediente/domain';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';

/** The worker acts as the system, never as a person; every command it issues names the event that caused it. */
export const SYSTEM_ACTOR = {
  id: 'system:worker',
  name: 'Expediente',
  roles: [],
  levelOfAssurance: 'certificate',
} as const;

export function systemMetadata(now: Date, cause?: Pick<StoredEvent, 'id' | 'metadata'>): CommandMetadata {
  return {
    now,
    actor: SYSTEM_ACTOR,
    ...(cause && { causationId: cause.id }),
    ...(typeof cause?.metadata.correlationId === 'string' && { correlationId: cause.metadata.correlationId }),
  };
}
