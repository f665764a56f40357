import { asDomainEvent } from '../event-store/domain-events';
import { SqlProjection } from '../projections/projection';

/** Every DocumentRead in the log, one row each (table document_reads, migration 071); keyed by event id, so a replay is a no-op. */
export const documentReadsProjection: SqlProjection = {
  name: 'document-reads',
  tables: ['document_reads'],
  async apply(tx, stored) {
    const event = asDomainEvent(stored);
    if (!event) return;
    switch (event.type) {
      case 'DocumentRead': {
        const { caseId, document, reader, requestId, readAt } = event.data;
        await tx.query(
          `INSERT INTO document_reads (event_id, case_id, reader_id, reader_role, unit_id, unit_name,
             level_of_assurance, blob_hash, filename, content_type, provided_in, request_id, read_at,
             stream_version, event_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (event_id) DO NOTHING`,
          [
            event.id,
            caseId,
            reader.id,
            reader.role,
            reader.unit.id,
            reader.unit.name,
            reader.levelOfAssurance,
            document.blobHash,
            document.filename,
            document.contentType,
            document.providedIn,
            requestId,
            readAt,
            event.streamVersion,
            event.hash,
          ],
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
      case 'ResolutionIssued':
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
