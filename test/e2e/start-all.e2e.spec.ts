import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/ports';
import { HealthReport } from '../support/http';
import { countKeys, removeKeys, testQueuePrefix } from '../support/redis-keys';

/** `npm start` as a new user runs it: no configuration, embedded PGlite, the built code. */
describe('npm start with no configuration', () => {
  const entry = join(process.cwd(), 'dist/scripts/start-all.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'expediente-start-'));
  let child: ChildProcess;
  let output = '';
  /** What had been printed 3 s after the banner's last line. */
  let settledOutput = '';
  const ports = { api: 0, backoffice: 0, worker: 0 };
  // Not the default `expediente`: a later `npm start` on this machine must find no stale jobs.
  const queuePrefix = testQueuePrefix();

  beforeAll(async () => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: npm test builds first (npm run build)`);
    [ports.api, ports.backoffice, ports.worker] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      API_PORT: String(ports.api),
      BACKOFFICE_PORT: String(ports.backoffice),
      WORKER_PORT: String(ports.worker),
      QUEUE_PREFIX: queuePrefix,
    };
    child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not started in 60 s:\n${output}`)), 60_000);
      const check = setInterval(() => {
        if (output.includes('Press Ctrl+C to stop')) {
          clearInterval(check);
          clearTimeout(timer);
          setTimeout(() => {
            settledOutput = output;
            resolve();
          }, 3000);
        }
      }, 100);
      child.once('exit', (code) => {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`exited with ${code}:\n${output}`));
      });
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    await removeKeys(`${queuePrefix}:`);
  });

  it('prints the URL of every app', () => {
    expect(output).toContain(`http://localhost:${ports.api}/docs`);
    expect(output).toContain(`http://localhost:${ports.backoffice}`);
    expect(output).toContain(`http://localhost:${ports.worker}/health`);
  });

  it('ends start-up with the banner: nothing is printed after it', () => {
    expect(settledOutput.trimEnd().endsWith('Press Ctrl+C to stop.')).toBe(true);
    const banner = settledOutput.slice(settledOutput.lastIndexOf('Expediente is running'));
    expect(banner).toContain(`http://localhost:${ports.api}/metrics`);
    expect(banner).toContain(`http://localhost:${ports.backoffice}/queues`);
    expect(banner).toContain(`http://localhost:${ports.backoffice}/dev/operator-session`);
  });

  it('lets an operator open /queues through the URL the banner names', async () => {
    const session = await fetch(`http://127.0.0.1:${ports.backoffice}/dev/operator-session`, {
      redirect: 'manual',
    });
    expect(session.status).toBe(303);
    expect(session.headers.get('location')).toBe('/queues');
    const cookie = session.headers.getSetCookie().find((c) => c.startsWith('expediente_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    const board = await fetch(`http://127.0.0.1:${ports.backoffice}/queues`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<div id="root">');
  });

  it('serves /health 200 naming PGlite', async () => {
    const response = await fetch(`http://127.0.0.1:${ports.api}/health`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as HealthReport).info.eventStore).toMatchObject({
      status: 'up',
      kind: 'pglite',
    });
  });

  it('runs the worker and the back office', async () => {
    expect((await fetch(`http://127.0.0.1:${ports.worker}/health`)).status).toBe(200);
    const home = await fetch(`http://127.0.0.1:${ports.backoffice}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('pglite');
  });

  it('comes with demo data entered through the API', async () => {
    expect(output).toContain('demo data:');
    const { token } = (await (
      await fetch(`http://127.0.0.1:${ports.api}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject: '23456789D',
          name: 'Núria Puig Soler',
          roles: ['citizen'],
          levelOfAssurance: 'certificate',
        }),
      })
    ).json()) as { token: string };
    const cases = (await (
      await fetch(`http://127.0.0.1:${ports.api}/me/cases`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { status: string }[] };
    expect(cases.items.length).toBeGreaterThan(0);
  });

  it('refuses a projections rebuild on its embedded database while it runs, naming its pid', () => {
    const rebuild = spawnSync(
      process.execPath,
      [join(process.cwd(), 'dist/scripts/rebuild-projections.js'), 'all'],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(rebuild.status).toBe(1);
    expect(rebuild.stderr).toContain(`The embedded database is in use by process ${child.pid} (node `);
    expect(rebuild.stderr).toContain('start-all.js');
    expect(rebuild.stdout).not.toContain('rebuilt from');
  });

  it('stops cleanly on SIGTERM, releasing the embedded database', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('wrote its jobs under a queue prefix of its own, not the default one', async () => {
    expect(await countKeys(`${queuePrefix}:`)).toBeGreaterThan(0);
  });
});
