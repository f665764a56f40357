import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

/** Every BullMQ queue the system uses; a job's id is derived from the event that caused it. */
export const QUEUES = {
  receipts: 'receipts',
  /** The system's replies to events: open a review, issue the resolution, notify, close. */
  reactions: 'reactions',
  /** Delayed jobs checked when a deadline falls due; promoted early when the clock is moved. */
  deadlines: 'deadlines',
  /** Paper copies for people who did not opt out (the printing service is outside the system). */
  paperPost: 'paper-post',
  /** SMS and email alerts: a slow or failing gateway holds up no other work. */
  alerts: 'alerts',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Kept so a re-enqueued job id is recognised as done, not run again.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
} as const;

export function createQueue(name: QueueName, connection: Redis, prefix?: string): Queue {
  return new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
}
