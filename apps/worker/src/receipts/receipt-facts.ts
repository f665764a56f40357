import type { Attachment, FilingRecord, MedicalUnit, Procedure } from '@expediente/domain';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import type { ReceiptFacts } from '@expediente/infra/receipts/receipt-renderer';

const SUBMITTED: Readonly<Record<string, Procedure>> = {
  ReportsSubmitted: 'medical-report-submission',
  EntitlementApplicationSubmitted: 'entitlement-application',
};

const PROCEDURE_NAMES: Readonly<Record<Procedure, string>> = {
  'medical-report-submission': 'Aportación de informes médicos actualizados',
  'entitlement-application': 'Solicitud de reconocimiento del derecho a la asistencia sanitaria',
  notifications: 'Notificaciones electrónicas',
};

type Submitted = FilingRecord & {
  caseId: string;
  filer: string;
  subject: string;
  unit: MedicalUnit;
  attachments: readonly Attachment[];
};

export const isSubmission = (event: StoredEvent): boolean => event.type in SUBMITTED;

/** What the proof of receipt states, read from the case's own events (the register's record). */
export function receiptFactsOf(events: readonly StoredEvent[], verifyBaseUrl: string): ReceiptFacts {
  const event = events.find(isSubmission);
  if (!event) throw new Error('the case has no submission to issue a receipt for');
  const filed = event.data as Submitted;
  const filerName = typeof event.metadata.actorName === 'string' ? event.metadata.actorName : filed.filer;
  return {
    registryEntry: filed.registryEntry,
    csv: filed.receiptCsv,
    verifyUrl: `${verifyBaseUrl}/verify/${filed.receiptCsv}`,
    filer: { name: filerName, idNumber: filed.filer },
    // The register knows the subject by identity number only when someone else files for them.
    subject: { name: filed.subject === filed.filer ? filerName : filed.subject, idNumber: filed.subject },
    procedure: PROCEDURE_NAMES[SUBMITTED[event.type]!],
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
