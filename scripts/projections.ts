import 'reflect-metadata';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { DeadlineRules, loadDeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { ProjectionStatus, projectionStatuses } from '@expediente/infra/projections/projection-status';
import { projectionRunners } from '../apps/worker/src/projections';
import { rebuildFromCommandLine } from './rebuild-projections';

const USAGE = `npm run projections -- status [--json] | rebuild NAME… | rebuild --all`;

/** Every projection's checkpoint, the log head, lag, state and last update. */
export function statusOfProjections(storage: Storage, rules: DeadlineRules): Promise<ProjectionStatus[]> {
  return projectionStatuses(
    storage.sql,
    storage.eventStore,
    Object.values(projectionRunners(storage, rules)),
  );
}

const COLUMNS = ['projection', 'position', 'head', 'lag', 'state', 'last updated'] as const;

/** One line per projection under a header, columns aligned; a rebuild's progress or error on its own line. */
export function formatStatus(statuses: readonly ProjectionStatus[]): string[] {
  const rows = statuses.map((s) => [
    s.name,
    String(s.position),
    String(s.head),
    String(s.lag),
    s.state,
    s.updatedAt?.toISOString() ?? '-',
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    line(COLUMNS),
    ...statuses.flatMap((s, i) => [
      line(rows[i]!),
      ...(s.rebuild
        ? [
            `  rebuild since ${s.rebuild.startedAt.toISOString()}: ${s.rebuild.applied} events, ` +
              `position ${s.rebuild.position}${s.rebuild.error ? `; failed: ${s.rebuild.error}` : ''}`,
          ]
        : []),
    ]),
  ];
}

async function status(json: boolean): Promise<void> {
  const config = loadConfig();
  const storage = await openStorage(config);
  try {
    const statuses = await statusOfProjections(storage, loadDeadlineRules(config));
    if (json) console.log(JSON.stringify(statuses));
    else for (const line of formatStatus(statuses)) console.log(line);
  } finally {
    await storage.close();
  }
}

async function main([command, ...args]: readonly string[]): Promise<void> {
  if (command === 'status') return status(args.includes('--json'));
  if (command === 'rebuild' && args.length > 0) return rebuildFromCommandLine(args);
  throw new Error(`Usage: ${USAGE}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
