import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds an embedded database: written into its lock file, read back by whoever is refused. */
export interface LockHolder {
  readonly pid: number;
  readonly command: string;
  readonly startedAt: string;
  readonly host: string;
  /** Tells this holding apart from a later one by the same pid. */
  readonly token: string;
}

export class EmbeddedDatabaseLocked extends Error {
  override readonly name = 'EmbeddedDatabaseLocked';
  readonly code = 'EMBEDDED_DATABASE_LOCKED';
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid} (${holder.command}) on ${holder.host}, since ${holder.startedAt}` +
        (holder.pid === process.pid && holder.host === hostname() ? ', that is, this very process' : '')
      : 'a process that left an unreadable lock file';
    super(
      `The embedded database is in use by ${who}. PGlite serves one process at a time: ` +
        'stop that process first (npm start stops with Ctrl+C), or set DATABASE_URL to use PostgreSQL, ' +
        `which any number of processes share. If no such process is running, delete ${lockFile}.`,
    );
  }
}

/**
 * Takes the embedded database's lock file, created exclusively (`wx`): a second process is
 * refused with the holder's pid and command instead of corrupting the database beside it.
 * A holder that died without releasing (SIGKILL, a crash) is recognised by its pid and replaced.
 * Returns the release, also run on process exit.
 */
export function lockEmbeddedDatabase(lockFile: string): () => void {
  const holder: LockHolder = {
    pid: process.pid,
    command: commandLine(),
    startedAt: new Date().toISOString(),
    host: hostname(),
    token: randomUUID(),
  };
  if (!tryCreate(lockFile, holder)) {
    const current = readHolder(lockFile);
    if (!current || !isStale(current)) throw new EmbeddedDatabaseLocked(lockFile, current);
    // Only the stale holding just read is removed; whoever recreates the file first wins the retry.
    if (readHolder(lockFile)?.token === current.token) unlinkSync(lockFile);
    if (!tryCreate(lockFile, holder)) throw new EmbeddedDatabaseLocked(lockFile, readHolder(lockFile));
  }
  const release = () => {
    process.removeListener('exit', release);
    if (readHolder(lockFile)?.token === holder.token) unlinkSync(lockFile);
  };
  process.on('exit', release);
  return release;
}

function tryCreate(lockFile: string, holder: LockHolder): boolean {
  try {
    writeFileSync(lockFile, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readHolder(lockFile: string): LockHolder | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockFile, 'utf8'));
    return isHolder(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const isHolder = (value: unknown): value is LockHolder =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as LockHolder).pid === 'number' &&
  typeof (value as LockHolder).command === 'string' &&
  typeof (value as LockHolder).host === 'string' &&
  typeof (value as LockHolder).token === 'string';

/** A pid can be checked only on its own host; another host's lock (a shared disk) is never taken over. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** What a person recognises: `npm run projections:rebuild`, or the node command line. */
function commandLine(): string {
  const script = process.env.npm_lifecycle_event;
  const node = ['node', ...process.argv.slice(1)].join(' ');
  return script ? `npm run ${script}: ${node}` : node;
}
