import { removeKeys, runPrefix } from './redis-keys';

/**
 * Removes whatever this run left in Redis under its prefix (a suite that failed before its
 * own clean-up, say), so the machine's Redis holds nothing of the run afterwards.
 */
export default async function globalTeardown(): Promise<void> {
  const left = await removeKeys(`${runPrefix()}-`).catch(() => 0);
  if (left > 0) console.warn(`test run ${runPrefix()}: removed ${left} Redis keys a suite left behind`);
}
