import type { Queue } from 'bullmq';
import type { Clock } from '../clock/clock';
import type { SqlExecutor } from '../sql/sql-client';
import type { QueueName } from '../queue/queues';
import { EffectRef, jobIdOf, OutstandingEffect, outstandingEffects } from './outstanding-effects';

export interface ReconcilerOptions {
  /** How long an effect may stay outstanding before its job is looked for: the relay and a normal run take less. */
  readonly graceMs: number;
  readonly batchSize?: number;
  /** Called after each pass, once per effect that had jobs recreated or retried (for metrics). */
  readonly onRedrive?: (effect: string, count: number) => void;
}

export type Redrives = Readonly<Record<string, number>>;

/**
 * Redis is not a system of record: it may restart empty, and a job may end failed. The
 * reconciler reads what the log says is still owed (the outstanding-effects projection) and
 * makes sure each one has a live job, under the same job id the relay used: a job still in
 * Redis (waiting, delayed, running, or completed and kept) is left alone, a lost one is
 * recreated and a failed one retried. Every job first looks for the event it already caused,
 * so a re-driven job that had in fact done its work does nothing.
 */
export class Reconciler {
  private timer?: NodeJS.Timeout;
  private stopped = true;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly queues: Readonly<Record<QueueName, Queue>>,
    private readonly clock: Clock,
    private readonly options: ReconcilerOptions,
  ) {}

  /** One pass now, then one every `everyMs` after the previous ends. */
  start(everyMs: number, onError: (error: unknown) => void): void {
    this.stopped = false;
    const pass = () =>
      void this.reconcile()
        .catch((error: unknown) => this.stopped || onError(error))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(pass, everyMs);
        });
    pass();
  }

  /** A pass under way is not waited for: it may be blocked on a Redis that is down, and redoing it is harmless. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Re-drives every effect outstanding for longer than the grace period; returns how many, per effect. */
  async reconcile(): Promise<Redrives> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.options.graceMs);
    const limit = this.options.batchSize ?? 200;
    const redriven: Record<string, number> = {};
    let after: EffectRef | undefined;
    for (;;) {
      const page = await outstandingEffects(this.sql, { before, after, limit });
      const outcomes = await Promise.all(page.map((effect) => this.redrive(effect, now)));
      page.forEach((effect, i) => {
        if (outcomes[i]) redriven[effect.effect] = (redriven[effect.effect] ?? 0) + 1;
      });
      if (page.length < limit || this.stopped) break;
      after = page[page.length - 1];
    }
    for (const [effect, count] of Object.entries(redriven)) this.options.onRedrive?.(effect, count);
    return redriven;
  }

  /** True when the job had to be recreated or retried. */
  private async redrive(effect: OutstandingEffect, now: Date): Promise<boolean> {
    const queue = this.queues[effect.queue];
    const jobId = jobIdOf(effect);
    const job = await queue.getJob(jobId);
    const delay = Math.max(0, (effect.dueAt?.getTime() ?? 0) - now.getTime());
    if (job && (await job.getState()) !== 'failed') return false;
    if (job && delay === 0) {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    }
    // Lost, or failed before it was due (retrying would run it now): enqueue it afresh, due when it is due.
    await job?.remove();
    await queue.add(effect.name, effect.data, { jobId, delay });
    return true;
  }
}
