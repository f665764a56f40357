import 'reflect-metadata';
import { AppConfig, loadConfig } from '@expediente/infra/config/config.schema';
import { processClock } from '@expediente/infra/clock/clock';
import { openLogIntegrity } from '@expediente/infra/log-integrity/log-integrity.factory';
import {
  describeFinding,
  VerificationReport,
  VerifyProgress,
} from '@expediente/infra/log-integrity/log-integrity.port';
import { openStorage, Storage } from '@expediente/infra/storage/storage';

/**
 * `npm run verify -- [--case ID] [--json]`: checks the log (or one case) against its hash chains
 * and signed checkpoints. Exit 0 when intact, 1 on any finding, 2 when it could not run.
 * With --seal, first seals the events waiting for a checkpoint (on demand, as the worker does).
 */
const FORCE = '--force-unverified';

export function summary(report: VerificationReport): string[] {
  const scope =
    report.scope.kind === 'log'
      ? 'the whole log'
      : `case ${report.scope.caseId} (${report.scope.streams.join(', ') || 'no streams'})`;
  const tail = report.notYetCheckpointed;
  return [
    `Verified ${scope}: ${report.events} events in ${report.streams} streams against ${report.checkpoints} checkpoints (${report.timestamped} time-stamped) in ${report.seconds} s.`,
    tail.events > 0
      ? `Not yet checkpointed: ${tail.events} event(s), positions ${tail.firstPosition}–${tail.lastPosition} (hash chains checked; no checkpoint seals them yet).`
      : 'Every event is sealed by a checkpoint.',
    report.intact
      ? 'INTACT: no finding.'
      : `NOT INTACT: ${report.findingsTotal} finding(s)${report.findingsTotal > report.findings.length ? `, the first ${report.findings.length} listed` : ''}:`,
    ...report.findings.map((finding) => `  ${describeFinding(finding)}`),
  ];
}

/** A progress bar with an ETA, on a terminal only. */
function progressBar(total: number): ((progress: VerifyProgress) => void) | undefined {
  if (!process.stderr.isTTY || total === 0) return undefined;
  const started = Date.now();
  return ({ events }) => {
    const done = Math.min(events / total, 1);
    const elapsed = (Date.now() - started) / 1000;
    const eta = done > 0 ? Math.round(elapsed / done - elapsed) : 0;
    const bar = '█'.repeat(Math.round(done * 30)).padEnd(30, '░');
    process.stderr.write(`\r${bar} ${(done * 100).toFixed(1)}% ${events}/${total} events, ETA ${eta} s `);
  };
}

export async function verify(
  storage: Storage,
  config: AppConfig,
  options: { caseId?: string; progress?: boolean },
): Promise<VerificationReport> {
  const integrity = openLogIntegrity(config, storage, () => processClock.now());
  if (options.caseId !== undefined) return integrity.verifyCase(options.caseId);
  const total = options.progress
    ? Number((await storage.sql.query<{ n: string }>('SELECT count(*) AS n FROM events'))[0]?.n ?? 0)
    : 0;
  const onProgress = progressBar(total);
  const report = await integrity.verifyLog({ onProgress });
  if (onProgress) process.stderr.write('\n');
  return report;
}

/**
 * What a rebuild runs first: a log that fails verification is not replayed into read models
 * unless the operator says --force-unverified, and then loudly. Returns the other arguments.
 */
export async function verifyBeforeRebuild(
  storage: Storage,
  config: AppConfig,
  args: readonly string[],
  log: (line: string) => void,
): Promise<string[]> {
  const rest = args.filter((arg) => arg !== FORCE);
  const report = await verify(storage, config, { progress: true });
  if (report.intact) {
    log(`log verified: ${report.events} events, ${report.checkpoints} checkpoints, intact`);
    return rest;
  }
  const lines = summary(report);
  if (rest.length === args.length) {
    throw new Error(
      [
        ...lines,
        `Refusing to rebuild read models from a log that fails verification; ${FORCE} overrides.`,
      ].join('\n'),
    );
  }
  for (const line of [
    '!!!!!!!! WARNING: REBUILDING FROM A LOG THAT FAILS VERIFICATION (--force-unverified) !!!!!!!!',
    ...lines,
  ])
    log(line);
  return rest;
}

function parse(args: readonly string[]): { caseId?: string; json: boolean; seal: boolean } {
  const at = args.indexOf('--case');
  const caseId = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (caseId === undefined || caseId.startsWith('--'))) throw new Error('--case needs a case id');
  const known = new Set(['--case', '--json', '--seal', ...(caseId ? [caseId] : [])]);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0)
    throw new Error(`Unknown argument ${unknown.join(' ')}; usage: verify [--case ID] [--json] [--seal]`);
  return { caseId, json: args.includes('--json'), seal: args.includes('--seal') };
}

if (require.main === module) {
  const run = async (): Promise<number> => {
    const options = parse(process.argv.slice(2));
    const config = loadConfig();
    const storage = await openStorage(config);
    try {
      if (options.seal) {
        const outcome = await openLogIntegrity(config, storage, () => processClock.now()).sealPending();
        console.error(
          `sealed ${outcome.sealed.length} checkpoint(s)${outcome.findings.length ? `; refused: ${outcome.findings.length} finding(s)` : ''}`,
        );
      }
      const report = await verify(storage, config, { ...options, progress: !options.json });
      console.log(options.json ? JSON.stringify(report, null, 2) : summary(report).join('\n'));
      return report.intact ? 0 : 1;
    } finally {
      await storage.close();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
