import { INestApplication } from '@nestjs/common';
import { Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createQueue, QUEUES } from '@expediente/infra/queue/queues';
import { createRedis } from '@expediente/infra/queue/redis';
import { recordReconcilerRedrive } from '@expediente/infra/metrics/metrics';
import { createBackofficeApp } from '../../apps/backoffice/src/backoffice.app';
import { eventually } from '../support/async';
import { fileMadridCase } from '../support/cases';
import { ApiClient } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Labels = Record<string, string>;

/** The value of one sample in Prometheus' text format, or undefined when it is not there. */
function sample(text: string, name: string, labels: Labels): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.entries(labels).every(([key, value]) => match[2]!.includes(`${key}="${value}"`));
    if (has) return Number(match[3]);
  }
  return undefined;
}

const SUBSCRIBERS = ['outbox', 'case-status', 'review-queue', 'notification-inbox', 'issued-documents'];

describe('Prometheus metrics on every app', () => {
  let system: RunningSystem;
  let backoffice: INestApplication;
  const base: Record<'api' | 'worker' | 'backoffice', string> = { api: '', worker: '', backoffice: '' };
  const urlOf = async (app: INestApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const scrape = async (url: string) => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const apps = ['api', 'worker', 'backoffice'] as const;

  beforeAll(async () => {
    system = await startSystem();
    await system.worker.listen(0, '127.0.0.1');
    backoffice = await createBackofficeApp({ storage: system.storage });
    await backoffice.listen(0, '127.0.0.1');
    base.api = system.api;
    base.worker = await urlOf(system.worker);
    base.backoffice = await urlOf(backoffice);
  });
  afterAll(async () => {
    await backoffice?.close();
    await system?.stop();
  });

  it.each(apps)('%s times requests by route pattern and status, with no raw path in a label', async (app) => {
    const probe = randomUUID();
    await fetch(`${base[app]}/health/live`);
    await fetch(`${base[app]}/no-such-thing/${probe}`);
    const text = await scrape(base[app]);
    const labels = { app, method: 'GET', route: '/health/live', status: '200' };
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', { app, route: 'unmatched', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(probe);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('labels a route with an id by its pattern: /cases/:caseId, never the case id', async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '23456789D',
      name: 'Núria Puig Soler',
      levelOfAssurance: 'certificate',
    });
    const caseId = randomUUID();
    expect((await citizen.request('GET', `/cases/${caseId}`)).status).toBe(404);
    const text = await scrape(base.api);
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        app: 'api',
        route: '/cases/:caseId',
        status: '404',
      }),
    ).toBe(1);
    expect(text).not.toContain(caseId);
  });

  it.each(apps)('%s shows every queue in every state as a number', async (app) => {
    const text = await scrape(base[app]);
    for (const queue of Object.values(QUEUES))
      for (const state of ['waiting', 'delayed', 'active', 'failed', 'stalled'])
        expect(sample(text, 'expediente_queue_jobs', { queue, state })).toEqual(expect.any(Number));
  });

  it('times PDF renders and counts reconciler re-drives', async () => {
    await fileMadridCase(system);
    await eventually(
      async () =>
        (sample(await scrape(base.worker), 'expediente_pdf_render_seconds_count', { outcome: 'ok' }) ?? 0) >=
        1,
      'a receipt rendered',
      30_000,
    );
    recordReconcilerRedrive('receipt');
    expect(
      sample(await scrape(base.worker), 'expediente_reconciler_redrives_total', { effect: 'receipt' }),
    ).toBe(1);
  });

  describe('with the worker down', () => {
    beforeAll(() => system.stopWorker());
    afterAll(() => system.startWorker());

    it('counts an active job whose worker died (its lock lapsed) as stalled', async () => {
      const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
      const redis = createRedis(url);
      const prefix = system.env.QUEUE_PREFIX;
      const queue = createQueue(QUEUES.paperPost, redis, prefix);
      // A worker that takes the job and then dies: its lock is never renewed.
      const takerConnection = createRedis(url);
      const taker = new Worker(QUEUES.paperPost, undefined, { connection: takerConnection, prefix });
      try {
        await queue.add('probe', {}, { jobId: 'stall-probe' });
        const job = await taker.getNextJob('dead-worker');
        expect(job?.id).toBe('stall-probe');
        let text = await scrape(base.api);
        expect(sample(text, 'expediente_queue_jobs', { queue: QUEUES.paperPost, state: 'active' })).toBe(1);
        expect(sample(text, 'expediente_queue_jobs', { queue: QUEUES.paperPost, state: 'stalled' })).toBe(0);
        await redis.del(`${queue.toKey('stall-probe')}:lock`);
        text = await scrape(base.api);
        expect(sample(text, 'expediente_queue_jobs', { queue: QUEUES.paperPost, state: 'stalled' })).toBe(1);
      } finally {
        await taker.close(true);
        takerConnection.disconnect();
        await queue.obliterate({ force: true });
        await queue.close();
        redis.disconnect();
      }
    });

    it('shows each subscriber falling behind the log head while the worker is down, then catching up', async () => {
      const citizen = await ApiClient.login(system.api, {
        subject: '34567890V',
        name: 'Lucía Martín Gil',
        levelOfAssurance: 'certificate',
      });
      const lagOf = async () => {
        const text = await scrape(base.backoffice);
        return Object.fromEntries(
          SUBSCRIBERS.map((subscriber) => [
            subscriber,
            sample(text, 'expediente_subscriber_lag_events', { subscriber }),
          ]),
        );
      };
      const before = await lagOf();
      await citizen.request('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007003',
        provinceCode: '28',
      });
      const behind = await lagOf();
      console.log(
        'lag before / after one draft, worker down:',
        JSON.stringify(before),
        JSON.stringify(behind),
      );
      for (const subscriber of SUBSCRIBERS) expect(behind[subscriber]).toBe(before[subscriber]! + 1);
      await system.startWorker();
      await eventually(
        async () => Object.values(await lagOf()).every((lag) => lag === 0),
        'every subscriber caught up',
      );
      await system.stopWorker();
    });
  });

  it('asks for the metrics token when one is set, and has no /metrics in production without one', async () => {
    const withEnv = async (env: Record<string, string>, check: (url: string) => Promise<void>) => {
      Object.assign(process.env, env);
      const app = await createBackofficeApp({ storage: system.storage });
      for (const key of Object.keys(env)) delete process.env[key];
      await app.listen(0, '127.0.0.1');
      try {
        await check(await urlOf(app));
      } finally {
        await app.close();
      }
    };
    const token = 'a-long-scrape-token-0123456789';
    await withEnv({ METRICS_TOKEN: token }, async (url) => {
      const refused = await fetch(`${url}/metrics`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
        401,
      );
      const allowed = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(allowed.status).toBe(200);
    });
    await withEnv({ NODE_ENV: 'production' }, async (url) => {
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
      expect((await fetch(`${url}/dev/operator-session`)).status).toBe(404);
    });
    process.env.NODE_ENV = 'test';
  });
});
