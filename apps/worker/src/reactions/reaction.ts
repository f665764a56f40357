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
import type { QueueName } from '@expediente/infra/queue/queues';
import { CONTACT_DIRECTORY, ContactDirectory } from '@expediente/infra/contacts/contact-directory.port';
import { EMAIL_GATEWAY, EmailGateway } from '@expediente/infra/email/email.port';
import { SMS_GATEWAY, SmsGateway } from '@expediente/infra/sms/sms.port';
import type { EffectName } from './effects';
import type { JobName } from './jobs';

/** The office's public address (PUBLIC_BASE_URL): receipts' verification links and alerts' links start with it. */
export const VERIFY_BASE_URL = Symbol('VERIFY_BASE_URL');

export type JobData = Record<string, string>;

/** The runtime's queues, by the name jobs and outstanding effects record. */
export type WorkerQueues = Readonly<Record<QueueName, Queue>>;

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
    @Inject(CONTACT_DIRECTORY) readonly contacts: ContactDirectory,
    @Inject(SMS_GATEWAY) readonly sms: SmsGateway,
    @Inject(EMAIL_GATEWAY) readonly email: EmailGateway,
  ) {}
}

export interface Enqueued {
  readonly data: Record<string, unknown>;
  /** For work that falls due later: BullMQ holds the job until then (and a re-driven one too). */
  readonly dueAt?: Date;
}

/** What names an effect's row: the case or the notification it is owed for. */
type EffectKey = 'caseId' | 'notificationId';

/**
 * The effect a reaction brings about, as the outstanding-effects projection owes it: asked for
 * by each trigger event that enqueues the job, under the trigger's `key`, and shown done by an
 * event of `fulfilledBy` with the same key. A later request replaces an earlier one.
 */
export interface Effect {
  readonly name: EffectName;
  readonly key: EffectKey;
  readonly fulfilledBy: readonly ExpedienteEventType[];
}

/**
 * One thing the system does in reply to events: which events ask for it (`trigger`), on which
 * queue, with what job data, which events show it done (`effect`), and the work. Work is safe
 * to run again for the same event (it first looks for an event it already caused), so a
 * retried or re-driven job never acts twice.
 */
export interface Reaction {
  readonly job: JobName;
  readonly queue: QueueName;
  /** Empty for work another reaction schedules (a deadline's check). */
  readonly trigger: readonly ExpedienteEventType[];
  /** Undefined for work owed under another reaction's effect (a deadline's check, under `deadlines`). */
  readonly effect?: Effect;
  /** The job `event` asks for; undefined when it is not one of the trigger's, or asks for nothing. */
  enqueue(event: StoredDomainEvent): Enqueued | undefined;
  work(job: Job<JobData>, context: ReactionContext, queues: WorkerQueues): Promise<unknown>;
}

/** The keys events of these types all carry in their data (as a string, or not at all: that event owes or fulfils nothing). */
type Keyed<Types extends ExpedienteEventType, Data = EventOfType<Types>['data']> = {
  [K in EffectKey]: K extends keyof Data ? (Data[K] extends string | undefined ? K : never) : never;
}[EffectKey];

/**
 * A reaction whose job data is built from its trigger's own events, typed by their type; the
 * effect's key must be in the data of every trigger and every fulfilling event.
 */
export function reaction<Type extends ExpedienteEventType, Fulfil extends ExpedienteEventType>(spec: {
  readonly job: JobName;
  readonly queue: QueueName;
  readonly trigger: readonly Type[];
  readonly effect: {
    readonly name: EffectName;
    readonly key: Keyed<Type | Fulfil>;
    readonly fulfilledBy: readonly Fulfil[];
  };
  /** Undefined when this event asks for nothing after all (a party who opted out of paper). */
  readonly enqueue: (event: StoredDomainEvent<EventOfType<Type>>) => Enqueued | undefined;
  readonly work: Reaction['work'];
}): Reaction {
  const triggered = isEventOf(spec.trigger);
  return {
    job: spec.job,
    queue: spec.queue,
    trigger: spec.trigger,
    effect: spec.effect,
    enqueue: (event) => (triggered(event) ? spec.enqueue(event) : undefined),
    work: spec.work,
  };
}

/** Work no event triggers directly: another reaction adds its jobs, and owes them under its effect. */
export function scheduledWork(spec: Omit<Reaction, 'trigger' | 'enqueue' | 'effect'>): Reaction {
  return { ...spec, trigger: [], enqueue: () => undefined };
}

/** The usual job data: the case and the event that asked for the work. */
export const caseJob = (event: StoredDomainEvent & { data: { caseId: string } }): Enqueued => ({
  data: { caseId: event.data.caseId, eventId: event.id },
});
