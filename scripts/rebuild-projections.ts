import 'reflect-metadata';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { DeadlineRules, loadDeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { projectionRunners } from '../apps/worker/src/projections';
import { verifyBeforeRebuild } from './verify-log';

/**
 * Empties read models and replays the whole log into them, streaming, with progress.
 * Stop the workers first; on the embedded database, npm start holds its lock and this is refused.
 */
export async function rebuildProjections(
  storage: Storage,
  rules: DeadlineRules,
  names: readonly string[],
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const runners = projectionRunners(storage, rules);
  const chosen = names.length === 0 || names.includes('all') ? Object.keys(runners) : names;
  const unknown = chosen.filter((name) => !runners[name]);
  if (unknown.length > 0) {
    throw new Error(
      `Unknown projection ${unknown.join(', ')}; known: ${Object.keys(runners).join(', ')}, or all`,
    );
  }
  const applied: Record<string, number> = {};
  for (const name of chosen) {
    const started = Date.now();
    applied[name] = await runners[name]!.rebuild({
      batchSize: 1000,
      onProgress: (p) => log(`  ${name}: ${p.applied} events (position ${p.position})`),
    });
    log(`${name}: rebuilt from ${applied[name]} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return applied;
}

if (require.main === module) {
  const config = loadConfig();
  openStorage(config)
    .then(async (storage) => {
      try {
        const names = await verifyBeforeRebuild(storage, config, process.argv.slice(2), console.error);
        await rebuildProjections(storage, loadDeadlineRules(config), names, (line) => console.log(line));
      } finally {
        await storage.close();
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
