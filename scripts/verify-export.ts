import { readFileSync } from 'node:fs';
import { verifyAuditExport, VerificationReport } from '@expediente/infra/audit-export/verify-audit-export';

/**
 * npm run verify-export -- FILE [--json]: checks an audit export offline, with nothing but the
 * file (no database, network or configuration). Exit 0: intact; 1: findings; 2: not usable.
 */
const USAGE = 'usage: verify-export FILE [--json]';

function render(file: string, report: VerificationReport): string {
  const lines = [`Audit export ${file}`];
  if (report.scope) {
    const range =
      report.scope.from || report.scope.to
        ? ` from ${report.scope.from ?? 'the start'} to ${report.scope.to ?? 'the end'}`
        : '';
    lines.push(
      `  scope: ${report.scope.kind === 'case' ? `case ${report.scope.caseId}` : 'the log'}${range}`,
    );
  }
  if (report.certificate) {
    lines.push(
      `  sealed by: ${report.certificate.subject.replace(/\n/g, ', ')}`,
      `  certificate SHA-256 fingerprint: ${report.certificate.fingerprintSha256}`,
      '    (compare it with the fingerprint the administration publishes for its seal)',
    );
  }
  if (report.signedAt) lines.push(`  signed at: ${report.signedAt}`);
  const { events, streams, documents, documentsIncluded, checkpoints } = report.counts;
  lines.push(
    `  ${events} events in ${streams} streams; ${documents} documents indexed, ${documentsIncluded} included; ${checkpoints} checkpoints`,
  );
  if (report.findings.length === 0) {
    lines.push('VERIFIED: the signature holds, every hash recomputes and nothing was altered.');
  } else {
    lines.push(`NOT VERIFIED: ${report.findings.length} finding(s)`);
    for (const f of report.findings) lines.push(`  - [${f.area}] ${f.subject}: ${f.message}`);
  }
  return lines.join('\n');
}

async function main(args: readonly string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]!.startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  const file = files[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const report = await verifyAuditExport(bytes);
  console.log(
    json
      ? JSON.stringify({ file, verified: report.findings.length === 0, ...report }, null, 2)
      : render(file, report),
  );
  return !report.usable ? 2 : report.findings.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
