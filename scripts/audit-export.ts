import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage } from '@expediente/infra/storage/storage';
import { LocalDiskBlobStore } from '@expediente/infra/blobs/blob-store.local';
import { loadOrCreateSeal } from '@expediente/infra/seal/seal';
import { processClock } from '@expediente/infra/clock/clock';
import {
  auditExportZip,
  AuditExportRequest,
  buildAuditExport,
} from '@expediente/infra/audit-export/audit-export';

/**
 * npm run audit:export -- --case ID [--with-documents] [--from ISO] [--to ISO] --out FILE
 * (or without --case: every stream with events recorded in the range). Runs on the configured
 * storage, blob store and seal, as the API does.
 */
const USAGE =
  'usage: audit:export -- (--case ID | --from ISO --to ISO) [--with-documents] [--from ISO] [--to ISO] --out FILE';

export function parseArgs(args: readonly string[]): { request: AuditExportRequest; out: string } {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value. ${USAGE}`);
    return v;
  };
  const date = (flag: string): Date | undefined => {
    const v = value(flag);
    if (v === undefined) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new Error(`${flag} ${v} is not an ISO date or time.`);
    return d;
  };
  const out = value('--out');
  if (!out) throw new Error(`--out FILE is required. ${USAGE}`);
  const range = { from: date('--from'), to: date('--to') };
  const withDocuments = args.includes('--with-documents');
  const caseId = value('--case');
  if (caseId) return { out, request: { kind: 'case', caseId, range, withDocuments } };
  if (!range.from && !range.to) throw new Error(`Name a case, or a time range of the log. ${USAGE}`);
  return { out, request: { kind: 'log', range, withDocuments } };
}

async function main(args: readonly string[]): Promise<void> {
  const { request, out } = parseArgs(args);
  const config = loadConfig();
  const storage = await openStorage(config);
  try {
    const built = await buildAuditExport(
      {
        store: storage.eventStore,
        blobs: LocalDiskBlobStore.inDataDir(config.DATA_DIR),
        seal: loadOrCreateSeal(config.DATA_DIR),
      },
      request,
      processClock.now(),
    );
    await pipeline(auditExportZip(built), createWriteStream(out));
    console.log(`${out}: ${built.entries.length} entries`);
  } finally {
    await storage.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
