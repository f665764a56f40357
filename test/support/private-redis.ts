import { ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { eventually } from './async';
import { freePort } from './ports';
import { reachable } from '../../scripts/dev-redis';

/**
 * A redis-server of the test's own on a free port, nothing persisted, so a test may empty and
 * restart it (the machine's shared Redis is never flushed).
 */
export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  /** FLUSHALL, then kill the server and start an empty one on the same port: Redis lost everything. */
  flushAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const start = async () => {
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await eventually(() => reachable(url), 'the private redis-server to answer', 10_000);
  };
  const kill = async () => {
    const dying = server;
    if (!dying || dying.exitCode !== null) return;
    const exited = new Promise((resolve) => dying.once('exit', resolve));
    dying.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url,
    port,
    async flushAndRestart() {
      const client = new Redis(url, { maxRetriesPerRequest: 1 });
      await client.flushall();
      client.disconnect();
      await kill();
      await start();
    },
    stop: kill,
  };
}
