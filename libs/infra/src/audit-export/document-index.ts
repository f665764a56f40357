import type {
  Attachment,
  AttachmentKind,
  EventOfType,
  ExpedienteEventType,
  RepresentationBasis,
  StoredDomainEvent,
} from '@expediente/domain';
import { asDomainEvent } from '../event-store/domain-events';
import type { StoredEvent } from '../event-store/event-store.port';
import type { IndexedDocument } from './audit-export.format';

export type DocumentKind =
  | AttachmentKind
  | 'representation-document'
  | 'receipt'
  | 'receipt-signature'
  | 'receipt-zip'
  | 'resolution'
  | 'resolution-signature'
  | 'notified-document'
  | 'paper-copy';

/** A blob an event names as part of the case. */
export interface DocumentReference {
  readonly hash: string;
  readonly kind: DocumentKind;
  readonly filename?: string;
  readonly contentType?: string;
  readonly size?: number;
}

const none = (): readonly DocumentReference[] => [];

const attachments = (list: readonly Attachment[]): DocumentReference[] =>
  list.map((a) => ({
    hash: a.blobHash,
    kind: a.kind,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
  }));

const representation = (basis: RepresentationBasis): DocumentReference[] =>
  basis.kind === 'representation-document'
    ? basis.blobHashes.map((hash) => ({ hash, kind: 'representation-document' }))
    : [];

const pdf = (hash: string, kind: DocumentKind): DocumentReference => ({
  hash,
  kind,
  contentType: 'application/pdf',
});
const p7s = (hash: string, kind: DocumentKind): DocumentReference => ({
  hash,
  kind,
  contentType: 'application/pkcs7-signature',
});

/**
 * Which documents each event brings into the case. A draft's attachments join it when the filing
 * is submitted (the submission lists them), so draft events name none. A new event type does not
 * compile until it says what it brings.
 */
const REFERENCES: {
  readonly [T in ExpedienteEventType]: (data: EventOfType<T>['data']) => readonly DocumentReference[];
} = {
  ReportDraftCreated: none,
  DocumentRead: none,
  PaperCopiesDeclined: none,
  PaperCopiesResumed: none,
  ReportDraftUpdated: none,
  ReportDocumentAttached: none,
  ReportDocumentRemoved: none,
  ReportsSubmitted: (d) => [...attachments(d.attachments), ...representation(d.representation)],
  ReportsWithdrawn: none,
  EntitlementDraftCreated: none,
  EntitlementDraftUpdated: none,
  EntitlementDocumentAttached: none,
  EntitlementDocumentRemoved: none,
  EntitlementApplicationSubmitted: (d) => [
    ...attachments(d.attachments),
    ...representation(d.representation),
  ],
  EntitlementApplicationWithdrawn: none,
  CaseRoutedToUnit: none,
  ProofOfReceiptIssued: (d) => [
    pdf(d.pdfHash, 'receipt'),
    p7s(d.p7sHash, 'receipt-signature'),
    { hash: d.zipHash, kind: 'receipt-zip', contentType: 'application/zip' },
  ],
  ReviewOpened: none,
  ReviewerAssigned: none,
  InformationRequested: none,
  InformationProvided: (d) => attachments(d.attachments),
  CaseEvaluated: none,
  CaseResolved: none,
  ReviewWithdrawn: none,
  ResolutionIssued: (d) => [pdf(d.documentHash, 'resolution'), p7s(d.signatureHash, 'resolution-signature')],
  CaseClosed: none,
  PaperCopyPosted: (d) => [pdf(d.documentHash, 'paper-copy')],
  DeadlineExpired: none,
  NotificationMadeAvailable: (d) => [pdf(d.documentHash, 'notified-document')],
  NotificationAccessed: none,
  NotificationAccepted: none,
  NotificationRejected: none,
  NotificationDeemedRejected: none,
  PowerGranted: none,
  PowerAccepted: none,
  PowerRevoked: none,
  AlertSent: none,
  AlertFailed: none,
};

export function documentReferences(event: StoredDomainEvent): readonly DocumentReference[] {
  const references = REFERENCES[event.type] as (
    data: StoredDomainEvent['data'],
  ) => readonly DocumentReference[];
  return references(event.data);
}

/** An event whose data does not have the shape its type says (only a tampered export has one). */
export class MalformedEventData extends Error {
  override readonly name = 'MalformedEventData';
  constructor(readonly event: StoredEvent) {
    super(`its data does not have the shape of a ${event.type}`);
  }
}

/**
 * The ENI index of the documents the events name, in log order: each document once, numbered
 * (orden) and dated (fecha de incorporación) by the first event that names it.
 */
export function documentIndexOf(
  events: readonly StoredEvent[],
  included: (hash: string) => boolean,
): IndexedDocument[] {
  const documents: IndexedDocument[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const domainEvent = asDomainEvent(event);
    if (!domainEvent) continue;
    let references: readonly DocumentReference[];
    try {
      references = documentReferences(domainEvent);
    } catch {
      throw new MalformedEventData(event);
    }
    for (const reference of references) {
      if (typeof reference.hash !== 'string') throw new MalformedEventData(event);
      if (seen.has(reference.hash)) continue;
      seen.add(reference.hash);
      documents.push({
        ordenDocumentoExpediente: documents.length + 1,
        identificadorDocumento: reference.hash,
        valorHuella: reference.hash,
        funcionResumen: 'SHA-256',
        fechaIncorporacionExpediente: event.recordedAt.toISOString(),
        tipo: reference.kind,
        nombre: reference.filename ?? null,
        formato: reference.contentType ?? null,
        tamano: reference.size ?? null,
        evento: { id: event.id, stream: event.stream, streamVersion: event.streamVersion },
        incluido: included(reference.hash),
      });
    }
  }
  return documents;
}
