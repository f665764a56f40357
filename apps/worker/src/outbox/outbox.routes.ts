import type { StoredDomainEvent } from '@expediente/domain';
import type { OutboxJob, OutboxRoute } from '@expediente/infra/outbox/outbox-relay';
import type { EffectRequest, EventEffects } from '@expediente/infra/outbox/outstanding-effects';
import type { Clock } from '@expediente/infra/clock/clock';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { asDomainEvent } from '@expediente/infra/event-store/domain-events';
import { REACTIONS } from '../reactions/reactions';
import type { Effect, Enqueued, Reaction, WorkerQueues } from '../reactions/reaction';

export { EFFECTS } from '../reactions/effects';
export { JOBS } from '../reactions/jobs';
export type { WorkerQueues } from '../reactions/reaction';

const NONE: EventEffects = { requests: [], fulfils: [] };

/** The reactions `event` asks to run, each with its job. */
function asked(event: StoredDomainEvent): { reaction: Reaction; job: Enqueued }[] {
  return REACTIONS.flatMap((reaction) => {
    const job = reaction.enqueue(event);
    return job ? [{ reaction, job }] : [];
  });
}

/**
 * Which work outside the log an event asks for (and which job does it), and which owed effects
 * it shows done: each reaction's trigger and effect say. The relay's routes and the
 * outstanding-effects projection both read this, so what is enqueued is what is owed.
 */
export function effectsOf(stored: StoredEvent): EventEffects {
  const event = asDomainEvent(stored);
  if (!event) return NONE;
  const data: Readonly<Record<string, unknown>> = event.data;
  const keyOf = (effect: Effect | undefined): string | undefined => {
    const key = effect && data[effect.key];
    return typeof key === 'string' ? key : undefined;
  };
  return {
    requests: asked(event).flatMap(({ reaction, job }): EffectRequest[] => {
      const key = keyOf(reaction.effect);
      if (!reaction.effect || key === undefined) return [];
      return [
        {
          effect: reaction.effect.name,
          key,
          queue: reaction.queue,
          name: reaction.job,
          data: job.data,
          ...(job.dueAt && { dueAt: job.dueAt }),
        },
      ];
    }),
    fulfils: REACTIONS.flatMap(({ effect }) => {
      const key = keyOf(effect);
      return effect?.fulfilledBy.includes(event.type) && key !== undefined
        ? [{ effect: effect.name, key }]
        : [];
    }),
  };
}

/** The relay's view: the jobs an event asks for, on their queues, delayed until due. */
export function outboxRoutes(queues: WorkerQueues, clock: Clock): OutboxRoute {
  return (stored: StoredEvent): readonly OutboxJob[] => {
    const event = asDomainEvent(stored);
    if (!event) return [];
    return asked(event).map(({ reaction, job }) => {
      const delayMs = job.dueAt && job.dueAt.getTime() - clock.now().getTime();
      return {
        queue: queues[reaction.queue],
        name: reaction.job,
        data: job.data,
        ...(delayMs && { delayMs }),
      };
    });
  };
}
