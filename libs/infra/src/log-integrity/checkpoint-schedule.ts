import { Finding } from './findings';
import { LogIntegrity } from './log-integrity.port';

export interface CheckpointScheduleOptions {
  /** LOG_CHECKPOINT_MS: at most this long between checkpoints while events wait. */
  readonly everyMs: number;
  /** The waiting events failed verification: nothing was sealed over them. */
  readonly onFindings: (findings: readonly Finding[]) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * The worker's periodic checkpoint: as soon as LOG_CHECKPOINT_EVENTS events wait, or every
 * LOG_CHECKPOINT_MS when fewer do, it verifies the new events and seals them. Several workers
 * may run it: the checkpointer appends under a lock and starts from the last checkpoint.
 */
export class CheckpointSchedule {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private lastSealed = Date.now();

  constructor(
    private readonly integrity: LogIntegrity,
    private readonly options: CheckpointScheduleOptions,
  ) {}

  start(): void {
    const poll = Math.min(this.options.everyMs, 1000);
    this.timer = setInterval(() => {
      this.running ??= this.tick()
        .catch(this.options.onError)
        .finally(() => (this.running = undefined));
    }, poll);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    const batch = this.integrity.batchSize;
    const due = Date.now() - this.lastSealed >= this.options.everyMs;
    if (!due && (await this.integrity.pending(batch)) < batch) return;
    const outcome = await this.integrity.sealPending();
    this.lastSealed = Date.now();
    if (outcome.findings.length > 0) this.options.onFindings(outcome.findings);
  }
}
