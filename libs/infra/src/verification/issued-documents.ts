import { SqlProjection } from '../projections/projection';
import { asDomainEvent } from '../event-store/domain-events';
import { SqlExecutor } from '../sql/sql-client';

/** A sealed document the administration issued (a resolution letter), findable by the CSV printed on it. */
export interface IssuedDocument {
  readonly csv: string;
  readonly kind: 'resolution';
  readonly caseId: string;
  readonly documentHash: string;
  readonly signatureHash: string;
  readonly issuedAt: Date;
}

/** Keeps the CSV → document index behind the public /verify URL; keyed by CSV, so a replay is a no-op. */
export const issuedDocumentsProjection: SqlProjection = {
  name: 'issued-documents',
  tables: ['issued_documents'],
  async apply(tx, stored) {
    const event = asDomainEvent(stored);
    if (!event) return;
    switch (event.type) {
      case 'ResolutionIssued': {
        const { csv, caseId, documentHash, signatureHash, issuedAt } = event.data;
        await tx.query(
          `INSERT INTO issued_documents (csv, kind, case_id, document_hash, signature_hash, issued_at)
           VALUES ($1, 'resolution', $2, $3, $4, $5) ON CONFLICT (csv) DO NOTHING`,
          [csv, caseId, documentHash, signatureHash, issuedAt],
        );
        return;
      }
      case 'ReportDraftCreated':
      case 'ReportDraftUpdated':
      case 'ReportDocumentAttached':
      case 'ReportDocumentRemoved':
      case 'ReportsSubmitted':
      case 'ReportsWithdrawn':
      case 'EntitlementDraftCreated':
      case 'EntitlementDraftUpdated':
      case 'EntitlementDocumentAttached':
      case 'EntitlementDocumentRemoved':
      case 'EntitlementApplicationSubmitted':
      case 'EntitlementApplicationWithdrawn':
      case 'CaseRoutedToUnit':
      case 'ProofOfReceiptIssued':
      case 'PaperCopyPosted':
      case 'ReviewOpened':
      case 'ReviewerAssigned':
      case 'InformationRequested':
      case 'InformationProvided':
      case 'CaseEvaluated':
      case 'CaseResolved':
      case 'ReviewWithdrawn':
      case 'CaseClosed':
      case 'DeadlineExpired':
      case 'NotificationMadeAvailable':
      case 'NotificationAccessed':
      case 'NotificationAccepted':
      case 'NotificationRejected':
      case 'NotificationDeemedRejected':
      case 'PowerGranted':
      case 'PowerAccepted':
      case 'PowerRevoked':
      case 'AlertSent':
      case 'AlertFailed':
      case 'DocumentRead':
      case 'PaperCopiesDeclined':
      case 'PaperCopiesResumed':
        return;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};

export async function issuedDocumentByCsv(
  sql: SqlExecutor,
  csv: string,
): Promise<IssuedDocument | undefined> {
  const [row] = await sql.query<{
    csv: string;
    kind: 'resolution';
    case_id: string;
    document_hash: string;
    signature_hash: string;
    issued_at: Date;
  }>(
    'SELECT csv, kind, case_id, document_hash, signature_hash, issued_at FROM issued_documents WHERE csv = $1',
    [csv],
  );
  return (
    row && {
      csv: row.csv,
      kind: row.kind,
      caseId: row.case_id,
      documentHash: row.document_hash.trim(),
      signatureHash: row.signature_hash.trim(),
      issuedAt: new Date(row.issued_at),
    }
  );
}
