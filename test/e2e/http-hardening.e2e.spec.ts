import { INestApplication } from '@nestjs/common';
import { connect } from 'node:net';
import { createBackofficeApp } from '../../apps/backoffice/src/backoffice.app';
import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

/** What a slow client sees: the seconds until the server closed the socket, and what it said. */
async function holdSocket(url: string, send: (write: (chunk: string) => void) => void) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const started = Date.now();
  let reply = '';
  socket.on('data', (chunk) => (reply += String(chunk)));
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  send((chunk) => socket.write(chunk));
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { seconds: (Date.now() - started) / 1000, statusLine: reply.split('\r\n')[0] ?? '' };
}

/**
 * HTTP hardening on the API, the worker and the back office, over real sockets. The request
 * timeout is lowered to 15 s so the test can sit it out; the headers timeout is the default.
 */
describe('HTTP hardening on every app', () => {
  let system: RunningSystem;
  let backoffice: INestApplication;
  const base: Record<'api' | 'worker' | 'backoffice', string> = { api: '', worker: '', backoffice: '' };
  const urlOf = async (app: INestApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');

  beforeAll(async () => {
    process.env.HTTP_REQUEST_TIMEOUT_MS = '15000';
    system = await startSystem();
    await system.worker.listen(0, '127.0.0.1');
    process.env.TRUST_PROXY = 'loopback';
    backoffice = await createBackofficeApp({ storage: system.storage });
    delete process.env.TRUST_PROXY;
    await backoffice.listen(0, '127.0.0.1');
    base.api = system.api;
    base.worker = await urlOf(system.worker);
    base.backoffice = await urlOf(backoffice);
  });
  afterAll(async () => {
    delete process.env.HTTP_REQUEST_TIMEOUT_MS;
    await backoffice?.close();
    await system?.stop();
  });

  const apps = ['api', 'worker', 'backoffice'] as const;

  it.each(apps)(
    '%s sends helmet headers: a CSP forbidding framing, nosniff, and no X-Powered-By',
    async (app) => {
      const response = await fetch(`${base[app]}/health/live`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
    },
  );

  it.each(apps)('%s answers an unknown route with a problem+json 404 that names no class', async (app) => {
    const response = await fetch(`${base[app]}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
    expect(text).not.toMatch(/Exception/);
  });

  it.each(apps)('%s answers /health/live without dependencies and /health/ready with them', async (app) => {
    const live = await fetch(`${base[app]}/health/live`);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base[app]}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, readModels: { status: 'up' }, redis: { status: 'up' } },
    });
    expect((await fetch(`${base[app]}/health`)).status).toBe(200);
  });

  it.each(apps)(
    '%s cuts off a client that never finishes its headers (10 s headers timeout)',
    async (app) => {
      const { seconds, statusLine } = await holdSocket(base[app], (write) =>
        write('GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: '),
      );
      console.log(`${app}: unfinished headers cut off after ${seconds.toFixed(2)} s (${statusLine})`);
      expect(statusLine).toBe('HTTP/1.1 408 Request Timeout');
      expect(seconds).toBeGreaterThanOrEqual(9.5);
      expect(seconds).toBeLessThan(12);
    },
    30_000,
  );

  it('cuts off an upload whose body never arrives once the request timeout (15 s here) passes', async () => {
    const { seconds } = await holdSocket(base.api, (write) =>
      write(
        'POST /filings/medical-reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 1000\r\n\r\n{"subject":',
      ),
    );
    console.log(`api: unfinished body cut off after ${seconds.toFixed(2)} s`);
    expect(seconds).toBeGreaterThanOrEqual(14.5);
    expect(seconds).toBeLessThan(17);
  }, 30_000);

  it('still takes a 10 MB upload within the timeouts', async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const draft = await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
      subject: '34567890V',
      benefitRequestRef: 'IT-2026-007002',
      provinceCode: '28',
    });
    const started = Date.now();
    const upload = await citizen.upload(`/filings/medical-reports/${draft.body.caseId}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes('large', 9_900_000),
      kind: 'medical-report',
    });
    console.log(`api: 9.9 MB upload took ${((Date.now() - started) / 1000).toFixed(2)} s`);
    expect(upload.status).toBe(201);
    expect(upload.headers.get('cache-control')).toBe('no-store');
  });

  it('marks personal data no-store (my cases, the queue board) and lets the API docs be cached', async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '23456789D',
      name: 'Núria Puig Soler',
      levelOfAssurance: 'certificate',
    });
    const cases = await citizen.request('GET', '/me/cases');
    expect(cases.status).toBe(200);
    expect(cases.headers.get('cache-control')).toBe('no-store');
    // The development operator session is how an operator opens /queues today (npm start says so).
    const session = await fetch(`${base.backoffice}/dev/operator-session`, { redirect: 'manual' });
    expect(session.status).toBe(303);
    const cookie = session.headers
      .getSetCookie()
      .find((c) => c.startsWith('expediente_session='))!
      .split(';')[0]!;
    const board = await fetch(`${base.backoffice}/queues/api/queues`, { headers: { cookie } });
    expect(board.status).toBe(200);
    expect(board.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${base.api}/docs/swagger-ui.css`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).not.toBe('no-store');
  });

  it('sends HSTS only on TLS requests from a trusted proxy, never on plain HTTP or a spoofed header', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const trusted = await fetch(`${base.backoffice}/health/live`, { headers: https });
    expect(trusted.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
    const plain = await fetch(`${base.backoffice}/health/live`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    // The API trusts no proxy (TRUST_PROXY unset): anyone could send that header.
    const spoofed = await fetch(`${base.api}/health/live`, { headers: https });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });
});
