import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One registry per process. `npm start` runs the three apps in one process: each app's
 * /metrics shows this registry, and a metric is defined once here, never per app (prom-client
 * refuses a second metric of the same name).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by app, method, route pattern (never the raw URL) and status',
  labelNames: ['app', 'method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers,
});

export const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed', 'stalled'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Set on scrape by every collector registered with `onScrape`. */
export const queueJobs = new Gauge({
  name: 'expediente_queue_jobs',
  help: 'Jobs per BullMQ queue and state; stalled = active with no live lock (its worker died)',
  labelNames: ['queue', 'state'] as const,
  registers,
  collect: () => scrape('queues'),
});

export const subscriberLag = new Gauge({
  name: 'expediente_subscriber_lag_events',
  help: 'Events between the log head and a subscriber checkpoint (projections, outbox relay)',
  labelNames: ['subscriber'] as const,
  registers,
  collect: () => scrape('lag'),
});

export const projectionLag = new Gauge({
  name: 'expediente_projection_lag_events',
  help: 'Events in the log after a projection checkpoint (0 when it is live at the head)',
  labelNames: ['projection'] as const,
  registers,
  collect: () => scrape('projections'),
});

export const projectionPosition = new Gauge({
  name: 'expediente_projection_position',
  help: 'Log position of the last event a projection applied (its checkpoint)',
  labelNames: ['projection'] as const,
  registers,
  collect: () => scrape('projections'),
});

export const projectionRebuilding = new Gauge({
  name: 'expediente_projection_rebuilding',
  help: '1 while a projection is being rebuilt beside its live tables, else 0',
  labelNames: ['projection'] as const,
  registers,
  collect: () => scrape('projections'),
});

export const logHeadPosition = new Gauge({
  name: 'expediente_log_head_position',
  help: 'Position of the last readable event of the log',
  registers,
  collect: () => scrape('projections'),
});

export const pdfRenderDuration = new Histogram({
  name: 'expediente_pdf_render_seconds',
  help: 'Time to render one PDF (receipts, resolutions, evidence) in Chromium',
  labelNames: ['outcome'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers,
});

const reconcilerRedrives = new Counter({
  name: 'expediente_reconciler_redrives_total',
  help: 'Outstanding effects the reconciler found in the log and handed to the queues again',
  labelNames: ['effect'] as const,
  registers,
});

/** The reconciler calls this for each effect it re-drives (a receipt, a resolution letter, …). */
export function recordReconcilerRedrive(effect: string, count = 1): void {
  reconcilerRedrives.inc({ effect }, count);
}

const logVerificationFailures = new Counter({
  name: 'expediente_log_verification_failures_total',
  help: 'Findings of the worker’s verification of new events before sealing a checkpoint, by finding code (any is tampering or corruption)',
  labelNames: ['code'] as const,
  registers,
});

/** The worker's checkpoint schedule calls this when the events it was to seal fail verification. */
export function recordLogVerificationFailures(codes: readonly string[]): void {
  for (const code of codes) logVerificationFailures.inc({ code });
}

const scrapeErrors = new Counter({
  name: 'expediente_metrics_scrape_errors_total',
  help: 'Collectors that failed during a scrape (e.g. Redis down); their gauges are left out',
  labelNames: ['collector'] as const,
  registers,
});

type Kind = 'queues' | 'lag' | 'projections';
interface Collector {
  readonly collect: () => Promise<void>;
  refs: number;
}
const collectors: Record<Kind, Map<string, Collector>> = {
  queues: new Map(),
  lag: new Map(),
  projections: new Map(),
};
/** What a scrape of each kind sets: reset first, so a projection or queue gone leaves no stale series. */
const gaugesOf: Record<Kind, readonly Gauge[]> = {
  queues: [queueJobs],
  lag: [subscriberLag],
  projections: [projectionLag, projectionPosition, projectionRebuilding, logHeadPosition],
};

/**
 * Adds a collector run on every scrape, under a key: apps of one process that watch the same
 * thing (the same queues, the same log) share one collector rather than each querying it.
 * Returns the function that removes it again (on app shutdown).
 */
export function onScrape(kind: Kind, key: string, collect: () => Promise<void>): () => void {
  const existing = collectors[kind].get(key);
  const collector = existing ?? { collect, refs: 0 };
  collector.refs += 1;
  collectors[kind].set(key, collector);
  return () => {
    collector.refs -= 1;
    if (collector.refs === 0 && collectors[kind].get(key) === collector) collectors[kind].delete(key);
  };
}

const inFlight = new Map<Kind, Promise<void>>();

/** Several gauges of one kind share a scrape: the first to be read runs it, the others wait for it. */
function scrape(kind: Kind): Promise<void> {
  const running = inFlight.get(kind);
  if (running) return running;
  const run = (async () => {
    for (const gauge of gaugesOf[kind]) gauge.reset();
    await Promise.all(
      [...collectors[kind].values()].map((c) =>
        c.collect().catch(() => scrapeErrors.inc({ collector: kind })),
      ),
    );
  })().finally(() => inFlight.delete(kind));
  inFlight.set(kind, run);
  return run;
}
