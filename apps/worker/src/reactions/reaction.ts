import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { EventOfType, ExpedienteEventType, StoredDomainEvent } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { isEventOf } from '@expediente/infra/event-store/domain-events';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { ResolutionRenderer } from '@expediente/infra/resolutions/resolution-renderer';
import { ReceiptRenderer } from '@expediente/infra/receipts/receipt-renderer';
import type { JobName } from './jobs';

export const VERIFY_BASE_URL = Symbol('VERIFY_BASE_URL');

export type JobData = Record<string, string>;

export interface WorkerQueues {
  readonly receipts: Queue;
  readonly reactions: Queue;
  readonly deadlines: Queue;
  readonly paperPost: Queue;
}

/** What every reaction's work may use; the queues are the runtime's. */
@Injectable()
export class ReactionContext {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(BLOB_STORE) readonly blobs: BlobStore,
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(DEADLINE_RULES) readonly rules: DeadlineRules,
    @Inject(VERIFY_BASE_URL) readonly verifyBaseUrl: string,
    readonly resolutions: ResolutionRenderer,
    readonly receipts: ReceiptRenderer,
  ) {}
}

export interface Enqueued {
  readonly data: Record<string, unknown>;
  /** For work that falls due later: BullMQ holds the job until then. */
  readonly delayMs?: number;
}

/**
 * One thing the system does in reply to events: which events ask for it (`trigger`), on which
 * queue, with what job data, and the work. Work is safe to run again for the same event (it
 * first looks for an event it already caused), so a retried job never acts twice.
 */
export interface Reaction {
  readonly job: JobName;
  readonly queue: keyof WorkerQueues;
  /** Empty for work another reaction schedules (a deadline's check, a paper copy). */
  readonly trigger: readonly ExpedienteEventType[];
  /** The job `event` asks for; undefined when it is not one of the trigger's. */
  enqueue(event: StoredDomainEvent, clock: Clock): Enqueued | undefined;
  work(job: Job<JobData>, context: ReactionContext, queues: WorkerQueues): Promise<unknown>;
}

/** A reaction whose job data is built from its trigger's own events, typed by their type. */
export function reaction<Type extends ExpedienteEventType>(spec: {
  readonly job: JobName;
  readonly queue: keyof WorkerQueues;
  readonly trigger: readonly Type[];
  readonly enqueue: (event: StoredDomainEvent<EventOfType<Type>>, clock: Clock) => Enqueued;
  readonly work: Reaction['work'];
}): Reaction {
  const triggered = isEventOf(spec.trigger);
  return {
    job: spec.job,
    queue: spec.queue,
    trigger: spec.trigger,
    enqueue: (event, clock) => (triggered(event) ? spec.enqueue(event, clock) : undefined),
    work: spec.work,
  };
}

/** Work no event triggers directly: another reaction adds its jobs. */
export function scheduledWork(spec: Omit<Reaction, 'trigger' | 'enqueue'>): Reaction {
  return { ...spec, trigger: [], enqueue: () => undefined };
}

/** The usual job data: the case and the event that asked for the work. */
export const caseJob = (event: StoredDomainEvent & { data: { caseId: string } }): Enqueued => ({
  data: { caseId: event.data.caseId, eventId: event.id },
});
