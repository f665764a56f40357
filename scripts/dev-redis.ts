import { spawn, ChildProcess, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface RedisForDev {
  readonly url: string;
  readonly origin: 'REDIS_URL' | 'local default' | 'private redis-server';
  stop(): void;
}

const LOCAL_DEFAULT = 'redis://127.0.0.1:6379';

/**
 * BullMQ needs Redis. In order: REDIS_URL; else the machine's 127.0.0.1:6379;
 * else a private redis-server of our own (nothing persisted); else stop and say how to get one.
 */
export async function redisForDev(configured: string | undefined): Promise<RedisForDev> {
  if (configured) {
    if (await reachable(configured)) return { url: configured, origin: 'REDIS_URL', stop: () => undefined };
    throw new Error(
      `REDIS_URL=${configured} is not reachable. Start that Redis, or unset REDIS_URL to use a local one.`,
    );
  }
  if (await reachable(LOCAL_DEFAULT))
    return { url: LOCAL_DEFAULT, origin: 'local default', stop: () => undefined };
  const binary = which('redis-server');
  if (!binary) {
    throw new Error(
      'Expediente needs Redis (for its job queues) and none was found: nothing answers on 127.0.0.1:6379 and there is no redis-server binary.\n' +
        'Install one (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) or set REDIS_URL=redis://host:port.',
    );
  }
  const port = await freePort();
  const server = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitUntil(() => reachable(url), server, 10_000);
  return { url, origin: 'private redis-server', stop: () => server.kill('SIGTERM') };
}

/** Whether a Redis answers PING at `url` (a refused or absent server is `false`, never an error). */
export async function reachable(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntil(
  check: () => Promise<boolean>,
  server: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (server.exitCode !== null) throw new Error(`redis-server exited with code ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error('redis-server did not start within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
