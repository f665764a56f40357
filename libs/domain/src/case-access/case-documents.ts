/**
 * Every document of a case, as its own streams record them: the filing's attachments, what the
 * citizen provided later in answer to an information request, and what the administration
 * issued (the proof of receipt, the resolution). A document's id within its case is its hash.
 */
import type { AttachmentContentType, AttachmentKind } from '../filing/attachment';
import type { ExpedienteEvent } from '../expediente-events';

/** The step that put the document on the case. */
export type DocumentSource = 'filing' | 'information' | 'proof-of-receipt' | 'resolution';
export const DOCUMENT_SOURCES: readonly DocumentSource[] = [
  'filing',
  'information',
  'proof-of-receipt',
  'resolution',
];

export interface CaseDocument {
  readonly blobHash: string;
  readonly filename: string;
  readonly contentType: AttachmentContentType;
  /** Bytes; null for issued documents, whose events record only their hash. */
  readonly size: number | null;
  readonly kind: AttachmentKind | 'proof-of-receipt' | 'resolution';
  readonly providedIn: DocumentSource;
  /** When the step that provided it was recorded (ISO instant). */
  readonly providedAt: string;
}

/** An event of one of the case's streams, with when it was recorded. */
export type CaseStreamEvent = ExpedienteEvent & { readonly recordedAt: Date };

const documentsOf = (event: CaseStreamEvent): CaseDocument[] => {
  const providedAt = event.recordedAt.toISOString();
  switch (event.type) {
    case 'ReportsSubmitted':
    case 'EntitlementApplicationSubmitted':
      return event.data.attachments.map((a) => ({ ...a, providedIn: 'filing', providedAt }));
    case 'InformationProvided':
      return event.data.attachments.map((a) => ({ ...a, providedIn: 'information', providedAt }));
    case 'ProofOfReceiptIssued':
      return [
        {
          blobHash: event.data.pdfHash,
          filename: `justificante-${event.data.csv}.pdf`,
          contentType: 'application/pdf',
          size: null,
          kind: 'proof-of-receipt',
          providedIn: 'proof-of-receipt',
          providedAt,
        },
      ];
    case 'ResolutionIssued':
      return [
        {
          blobHash: event.data.documentHash,
          filename: `resolucion-${event.data.csv}.pdf`,
          contentType: 'application/pdf',
          size: null,
          kind: 'resolution',
          providedIn: 'resolution',
          providedAt,
        },
      ];
    default:
      return [];
  }
};

/** In the order they were provided; the same bytes provided twice are one document, the first. */
export const caseDocumentsOf = (events: readonly CaseStreamEvent[]): CaseDocument[] => {
  const byHash = new Map<string, CaseDocument>();
  const ordered = [...events].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  for (const document of ordered.flatMap(documentsOf)) {
    if (!byHash.has(document.blobHash)) byHash.set(document.blobHash, document);
  }
  return [...byHash.values()];
};

/** Undefined when the hash names no document of this case. */
export const caseDocument = (
  events: readonly CaseStreamEvent[],
  blobHash: string,
): CaseDocument | undefined => caseDocumentsOf(events).find((document) => document.blobHash === blobHash);
