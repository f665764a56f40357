import { createHash } from 'node:crypto';
import { canonicalJson } from '../event-store/event-hash';
import type { StoredEvent } from '../event-store/event-store.port';
import type { DocumentKind } from './document-index';

/**
 * The signed audit export, one zip (docs/ARCHITECTURE.md "Audit export" is the prose):
 * every JSON in it is RFC 8785 canonical JSON, every hash SHA-256 in lower-case hex.
 */
export const AUDIT_EXPORT_FORMAT = 'expediente-audit-export/1';

/** The zip's entries, in the order they are written. */
export const ENTRY = {
  index: 'index.json',
  signature: 'index.json.p7s',
  certificate: 'seal.cert.pem',
  events: 'events.jsonl',
  checkpoints: 'checkpoints.json',
} as const;
export const DOCUMENTS_FOLDER = 'documents/';
export const documentEntry = (hash: string): string => `${DOCUMENTS_FOLDER}${hash}`;

/** RFC 8785 (JCS) bytes: what every hash of the export is taken over. */
export const canonicalBytes = (value: unknown): Buffer => Buffer.from(canonicalJson(value), 'utf8');

export const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** What was exported: one case (optionally narrowed to a time range), or every stream touched in a range of the log. */
export type AuditScope =
  | {
      readonly kind: 'case';
      readonly caseId: string;
      readonly from: string | null;
      readonly to: string | null;
    }
  | { readonly kind: 'log'; readonly from: string | null; readonly to: string | null };

export type StreamRole = 'filing' | 'receipt' | 'review' | 'notification' | 'paper-post' | 'alert' | 'power';

/** One stream's stretch of its hash chain in the export: contiguous, anchored on `previousHash`. */
export interface ExportedStream {
  readonly stream: string;
  readonly role: StreamRole | null;
  readonly firstVersion: number;
  readonly lastVersion: number;
  readonly events: number;
  /** The hash the first exported event chains onto: 64 zeros when it is the stream's first event. */
  readonly previousHash: string;
  readonly lastHash: string;
}

/** One document of the ENI index (NTI de Expediente Electrónico, "documento indizado"). */
export interface IndexedDocument {
  readonly ordenDocumentoExpediente: number;
  /** The document's content hash: blobs are content-addressed. */
  readonly identificadorDocumento: string;
  readonly valorHuella: string;
  readonly funcionResumen: 'SHA-256';
  readonly fechaIncorporacionExpediente: string;
  readonly tipo: DocumentKind;
  readonly nombre: string | null;
  readonly formato: string | null;
  readonly tamano: number | null;
  /** The event that first named it. */
  readonly evento: { readonly id: string; readonly stream: string; readonly streamVersion: number };
  /** Whether its bytes are in the zip, at documents/<valorHuella>. */
  readonly incluido: boolean;
}

export interface Interesado {
  readonly identificador: string;
  readonly nombre: string | null;
  readonly rol: 'interesado' | 'representante';
}

/** The ENI metadata of the expediente, read from the case's own events. */
export interface ExpedienteMetadata {
  readonly identificador: string;
  readonly organo: { readonly codigo: string; readonly nombre: string } | null;
  readonly fechaAperturaExpediente: string | null;
  /** The procedure. */
  readonly clasificacion: string;
  readonly estado: { readonly codigo: 'E01' | 'E02'; readonly descripcion: 'Abierto' | 'Cerrado' };
  readonly interesados: readonly Interesado[];
}

export interface AuditIndex {
  readonly format: typeof AUDIT_EXPORT_FORMAT;
  readonly exportedAt: string;
  readonly scope: AuditScope;
  readonly canonicalization: 'RFC 8785';
  readonly hashFunction: 'SHA-256';
  /** SHA-256 of the seal certificate's DER: the certificate that signs this index. */
  readonly seal: { readonly certificateSha256: string };
  /** Case exports only. */
  readonly expediente: ExpedienteMetadata | null;
  readonly indice: {
    readonly fechaIndiceElectronico: string;
    readonly documentosIndizados: readonly IndexedDocument[];
  };
  readonly events: {
    readonly entry: typeof ENTRY.events;
    readonly count: number;
    readonly bytes: number;
    readonly sha256: string;
    /** SHA-256 of each line of events.jsonl (without its line feed): positions are not in the chain. */
    readonly lineSha256: readonly string[];
    readonly streams: readonly ExportedStream[];
  };
  readonly checkpoints: {
    readonly entry: typeof ENTRY.checkpoints;
    readonly count: number;
    readonly sha256: string;
  };
}

/** checkpoints.json: signed checkpoints over the whole log that cover the exported events, when there are any. */
export interface CheckpointsFile {
  readonly checkpoints: readonly Readonly<Record<string, unknown>>[];
}

/** One line of events.jsonl: the full stored envelope, as canonical JSON. */
export interface EventLine {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
  readonly streamVersion: number;
  readonly position: number;
  readonly hash: string;
}

export const eventLineOf = (event: StoredEvent): EventLine => ({
  id: event.id,
  stream: event.stream,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt.toISOString(),
  streamVersion: event.streamVersion,
  position: event.position,
  hash: event.hash,
});

/** events.jsonl: one canonical envelope per line, each ended by a line feed, in log order. */
export const eventLinesBytes = (events: readonly StoredEvent[]): Buffer =>
  Buffer.from(events.map((event) => `${eventLineText(event)}\n`).join(''), 'utf8');

export const eventLineText = (event: StoredEvent): string => canonicalJson(eventLineOf(event));

const PREFIXES: readonly (readonly [string, StreamRole])[] = [
  ['paper-post-', 'paper-post'],
  ['case-', 'filing'],
  ['receipt-', 'receipt'],
  ['review-', 'review'],
  ['notification-', 'notification'],
  ['power-', 'power'],
  ['alert-', 'alert'],
];

/** Which part of a case a stream is, by the names of event-store/streams.ts. */
export const streamRoleOf = (stream: string): StreamRole | null =>
  PREFIXES.find(([prefix]) => stream.startsWith(prefix))?.[1] ?? null;
