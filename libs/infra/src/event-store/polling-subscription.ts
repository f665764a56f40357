import { StoredEvent, SubscribeOptions, Subscription } from './event-store.port';

export interface PollingSubscriptionOptions extends SubscribeOptions {
  /** Events strictly after the position, in position order; an empty page means caught up. */
  readonly readPage: (after: number) => Promise<StoredEvent[]>;
  /** Wakes the subscription early when something was appended (LISTEN/NOTIFY). */
  readonly listen?: (wake: () => void) => Promise<() => Promise<void>>;
  /** Safety net when a notification is lost. */
  readonly pollIntervalMs?: number;
}

/**
 * Catch-up then live, in one loop: read pages after the checkpoint until one
 * comes back empty, then sleep until woken or the poll interval passes.
 * Exactly-once follows from the store's guarantee that positions become
 * visible in order (see event-store.migrations.ts).
 */
export function pollingSubscription(options: PollingSubscriptionOptions): Subscription {
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  let checkpoint = options.from ?? 0;
  let closed = false;
  let notified = false;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    notified = true;
    wakeUp?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        notified = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      if (notified || closed) finish();
      else wakeUp = finish;
    });

  const stopListening = options.listen ? options.listen(wake).catch(report) : Promise.resolve(undefined);

  function report(error: unknown): undefined {
    options.onError?.(error);
    return undefined;
  }

  const loop = (async () => {
    let failures = 0;
    while (!closed) {
      let page: StoredEvent[];
      try {
        page = await options.readPage(checkpoint);
        failures = 0;
      } catch (error) {
        report(error);
        failures += 1;
        await sleep(Math.min(pollIntervalMs * 2 ** failures, 10_000));
        continue;
      }
      for (const event of page) {
        if (closed) return;
        try {
          await options.onEvent(event);
        } catch (error) {
          // The handler owns its checkpoint: stop here, so it resumes from the failed event.
          report(error);
          closed = true;
          return;
        }
        checkpoint = event.position;
      }
      if (page.length === 0) await sleep(pollIntervalMs);
    }
  })();

  return {
    async close() {
      closed = true;
      wake();
      await loop;
      const stop = await stopListening;
      await stop?.();
    },
  };
}
