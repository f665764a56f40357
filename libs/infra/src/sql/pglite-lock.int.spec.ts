import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteClient } from './sql-client.pglite';
import { EmbeddedDatabaseLocked, LockHolder } from './pglite-lock';

/** A node child that idles until killed: a live process other than this one. */
const idleChild = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });

const lockOf = (pid: number, command: string): LockHolder => ({
  pid,
  command,
  startedAt: '2026-12-01T09:00:00.000Z',
  host: hostname(),
  token: `token-of-${pid}`,
});

describe('the embedded database lock', () => {
  let root: string;
  let dataDir: string;
  let lockFile: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'expediente-lock-'));
    dataDir = join(root, 'pglite');
    lockFile = `${dataDir}.lock`;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second open in the same process, and opens again once the first is closed', async () => {
    const first = await createPgliteClient({ dataDir });
    const holder = JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });

    const refusal = createPgliteClient({ dataDir });
    await expect(refusal).rejects.toBeInstanceOf(EmbeddedDatabaseLocked);
    await expect(refusal).rejects.toThrow(`in use by process ${process.pid} (`);
    await expect(refusal).rejects.toThrow('this very process');

    await first.close();
    expect(existsSync(lockFile)).toBe(false);
    const again = await createPgliteClient({ dataDir });
    await again.close();
  });

  it('refuses while another live process holds it, naming its pid and command and how to proceed', async () => {
    const other = idleChild();
    try {
      writeFileSync(
        lockFile,
        JSON.stringify(lockOf(other.pid!, 'npm run start: node dist/scripts/start-all.js')),
      );
      const refusal = createPgliteClient({ dataDir });
      await expect(refusal).rejects.toThrow(
        `in use by process ${other.pid} (npm run start: node dist/scripts/start-all.js)`,
      );
      await expect(refusal).rejects.toThrow(/stop that process first .* or set DATABASE_URL/);
      // The holder's lock is left alone.
      expect((JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder).pid).toBe(other.pid);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock whose holder died without releasing it', async () => {
    const dead = idleChild();
    const exited = new Promise((resolve) => dead.once('exit', resolve));
    dead.kill('SIGKILL');
    await exited;
    writeFileSync(lockFile, JSON.stringify(lockOf(dead.pid!, 'node dist/scripts/start-all.js')));

    const client = await createPgliteClient({ dataDir });
    try {
      expect((JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder).pid).toBe(process.pid);
      expect(await client.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await client.close();
    }
  });
});
