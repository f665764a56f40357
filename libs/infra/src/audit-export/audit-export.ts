import { X509Certificate } from 'node:crypto';
import type { Readable } from 'node:stream';
import { BlobNotFound, BlobStore } from '../blobs/blob-store.port';
import type { EventStore, StoredEvent } from '../event-store/event-store.port';
import type { Seal } from '../seal/seal';
import {
  AuditScope,
  canonicalBytes,
  CheckpointsFile,
  documentEntry,
  ENTRY,
  eventLinesBytes,
  sha256Hex,
} from './audit-export.format';
import { auditIndexOf } from './audit-index';
import { writeAuditZip, ZipEntry } from './audit-zip';
import { caseStreamsOf, logStreamsIn, TimeRange } from './case-streams';
import { documentIndexOf } from './document-index';

export interface AuditExportSources {
  readonly store: EventStore;
  readonly blobs: BlobStore;
  readonly seal: Seal;
}

export type AuditExportRequest =
  | {
      readonly kind: 'case';
      readonly caseId: string;
      readonly range: TimeRange;
      readonly withDocuments: boolean;
    }
  | { readonly kind: 'log'; readonly range: TimeRange; readonly withDocuments: boolean };

export interface AuditExport {
  readonly fileName: string;
  readonly entries: readonly ZipEntry[];
  readonly exportedAt: Date;
}

/** The case has no filing stream: there is nothing to export. */
export class CaseNotFoundForExport extends Error {
  override readonly name = 'CaseNotFoundForExport';
  constructor(readonly caseId: string) {
    super(`There is no case ${caseId}.`);
  }
}

/**
 * Builds the signed export (docs/ARCHITECTURE.md "Audit export"): the events as stored (before
 * upcasting, which is what their hashes cover), the ENI index of the documents they name, the
 * index sealed, and the seal's certificate.
 */
export async function buildAuditExport(
  sources: AuditExportSources,
  request: AuditExportRequest,
  now: Date,
): Promise<AuditExport> {
  const selection =
    request.kind === 'case'
      ? await caseStreamsOf(sources.store, request.caseId, request.range)
      : await logStreamsIn(sources.store, request.range);
  if (!selection) throw new CaseNotFoundForExport(request.kind === 'case' ? request.caseId : '');
  const events = [...selection.events].sort((a, b) => a.position - b.position);
  const documents = request.withDocuments
    ? await documentsOf(sources.blobs, events)
    : new Map<string, Buffer>();

  const range = {
    from: request.range.from?.toISOString() ?? null,
    to: request.range.to?.toISOString() ?? null,
  };
  const scope: AuditScope =
    request.kind === 'case' ? { kind: 'case', caseId: request.caseId, ...range } : { kind: 'log', ...range };
  const checkpoints: CheckpointsFile = { checkpoints: [] };
  const checkpointsBytes = canonicalBytes(checkpoints);
  const eventsBytes = eventLinesBytes(events);
  // Node's PEM form (LF line ends), which the verifier can restate from the DER byte for byte.
  const certificate = new X509Certificate(sources.seal.certificatePem);
  const index = auditIndexOf({
    scope,
    exportedAt: now.toISOString(),
    certificateSha256: sha256Hex(certificate.raw),
    events,
    eventsBytes,
    checkpointsBytes,
    checkpointCount: checkpoints.checkpoints.length,
    previousHashes: selection.previousHashes,
    included: (hash) => documents.has(hash),
  });
  const indexBytes = canonicalBytes(index);
  const included = index.indice.documentosIndizados.filter((d) => d.incluido);
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return {
    fileName: `${request.kind === 'case' ? `expediente-${request.caseId}` : 'registro'}-${stamp}Z.zip`,
    exportedAt: now,
    entries: [
      { name: ENTRY.index, data: indexBytes },
      { name: ENTRY.signature, data: sources.seal.signDetached(indexBytes) },
      { name: ENTRY.certificate, data: Buffer.from(certificate.toString(), 'utf8') },
      { name: ENTRY.events, data: eventsBytes },
      { name: ENTRY.checkpoints, data: checkpointsBytes },
      ...included.map((d) => ({ name: documentEntry(d.valorHuella), data: documents.get(d.valorHuella)! })),
    ],
  };
}

export const auditExportZip = (built: AuditExport): Readable =>
  writeAuditZip(built.entries, built.exportedAt);

/** The bytes of every document the events name that the blob store holds, checked against their names. */
async function documentsOf(blobs: BlobStore, events: readonly StoredEvent[]): Promise<Map<string, Buffer>> {
  const documents = new Map<string, Buffer>();
  for (const { valorHuella: hash } of documentIndexOf(events, () => false)) {
    if (!(await blobs.has(hash))) continue;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of blobs.open(hash)) chunks.push(Buffer.from(chunk as Uint8Array));
    } catch (error) {
      if (error instanceof BlobNotFound) continue;
      throw error;
    }
    const bytes = Buffer.concat(chunks);
    if (sha256Hex(bytes) !== hash) throw new Error(`The blob store returned other bytes for ${hash}.`);
    documents.set(hash, bytes);
  }
  return documents;
}
