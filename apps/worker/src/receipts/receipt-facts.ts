import type { ReceiptStatement, StoredDomainEvent } from '@expediente/domain';
import { isEventOf } from '@expediente/infra/event-store/domain-events';

const PROCEDURE_NAMES = {
  ReportsSubmitted: 'Aportación de informes médicos actualizados',
  EntitlementApplicationSubmitted: 'Solicitud de reconocimiento del derecho a la asistencia sanitaria',
} as const;

export const isSubmission = isEventOf(['ReportsSubmitted', 'EntitlementApplicationSubmitted']);

/** What the proof of receipt states, read from the case's own events (the register's record). */
export function receiptFactsOf(
  events: readonly StoredDomainEvent[],
  verifyBaseUrl: string,
): ReceiptStatement {
  const event = events.find(isSubmission);
  if (!event) throw new Error('the case has no submission to issue a receipt for');
  const filed = event.data;
  const filerName = event.metadata.actorName ?? filed.filer;
  return {
    registryEntry: filed.registryEntry,
    csv: filed.receiptCsv,
    verifyUrl: `${verifyBaseUrl}/verify/${filed.receiptCsv}`,
    filer: { name: filerName, idNumber: filed.filer },
    // The register knows the subject by identity number only when someone else files for them.
    subject: { name: filed.subject === filed.filer ? filerName : filed.subject, idNumber: filed.subject },
    procedure: PROCEDURE_NAMES[event.type],
    addresseeUnit: filed.unit.name,
    documents: filed.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      kind: a.kind,
      size: a.size,
      sha256: a.blobHash,
    })),
  };
}
