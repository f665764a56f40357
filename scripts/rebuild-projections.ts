import 'reflect-metadata';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { DeadlineRules, loadDeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import type { RebuildProgress, RebuildSummary } from '@expediente/infra/projections/read-model-runner';
import { projectionRunners } from '../apps/worker/src/projections';
import { progressBar } from './progress-bar';

/** `all` (or `--all`, or nothing) stands for every projection. */
export const ALL = ['all', '--all'];
import { verifyBeforeRebuild } from './verify-log';

/**
 * Rebuilds the named read models from the whole log, one after another, streaming, with
 * progress. On PostgreSQL each fills shadow tables and swaps them in while the system runs
 * (readers and the live projections go on); on PGlite it rebuilds in place, and npm start
 * holds the database's lock, so stop it first.
 */
export async function rebuildProjections(
  storage: Storage,
  rules: DeadlineRules,
  names: readonly string[],
  log: (line: string) => void,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<Record<string, RebuildSummary>> {
  const runners = projectionRunners(storage, rules);
  const chosen = names.length === 0 || names.some((n) => ALL.includes(n)) ? Object.keys(runners) : names;
  const unknown = chosen.filter((name) => !runners[name]);
  if (unknown.length > 0) {
    throw new Error(
      `Unknown projection ${unknown.join(', ')}; known: ${Object.keys(runners).join(', ')}, or --all`,
    );
  }
  const summaries: Record<string, RebuildSummary> = {};
  for (const name of chosen) {
    const summary = await runners[name]!.rebuild({ batchSize: 1000, onProgress });
    summaries[name] = summary;
    log(
      `${name}: rebuilt from ${summary.events} events in ${summary.seconds.toFixed(1)} s ` +
        `(${Math.round(summary.eventsPerSecond)} events/s), live from position ${summary.position}`,
    );
  }
  return summaries;
}

/** The command line of `npm run projections -- rebuild …` and `npm run projections:rebuild`. */
export async function rebuildFromCommandLine(names: readonly string[]): Promise<void> {
  const config = loadConfig();
  const storage = await openStorage(config);
  const bar = progressBar();
  try {
    // A log that fails verification is not rebuilt from (unless --force-unverified, loudly).
    const chosen = await verifyBeforeRebuild(storage, config, names, console.error);
    await rebuildProjections(
      storage,
      loadDeadlineRules(config),
      chosen,
      (line) => {
        bar.done();
        console.log(line);
      },
      (progress) => bar.update(progress),
    );
  } finally {
    bar.done();
    await storage.close();
  }
}

if (require.main === module) {
  rebuildFromCommandLine(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
