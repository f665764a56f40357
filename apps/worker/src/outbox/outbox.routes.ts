import type { OutboxJob, OutboxRoute } from '@expediente/infra/outbox/outbox-relay';
import type { Clock } from '@expediente/infra/clock/clock';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { asDomainEvent } from '@expediente/infra/event-store/domain-events';
import { REACTIONS } from '../reactions/reactions';
import type { WorkerQueues } from '../reactions/reaction';

export { JOBS } from '../reactions/jobs';
export type { WorkerQueues } from '../reactions/reaction';

/** Which events ask for work outside the log, and which job does it: each reaction's trigger says. */
export function outboxRoutes(queues: WorkerQueues, clock: Clock): OutboxRoute {
  return (stored: StoredEvent): readonly OutboxJob[] => {
    const event = asDomainEvent(stored);
    if (!event) return [];
    return REACTIONS.flatMap((reaction) => {
      const job = reaction.enqueue(event, clock);
      return job ? [{ queue: queues[reaction.queue], name: reaction.job, ...job }] : [];
    });
  };
}
