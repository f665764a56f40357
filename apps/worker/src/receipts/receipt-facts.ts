import {
  provinceFor,
  type EntitlementApplicationSubmitted,
  type Procedure,
  type ReportsSubmitted,
} from '@expediente/domain';
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

type Submitted = ReportsSubmitted['data'] | EntitlementApplicationSubmitted['data'];

export const isSubmission = (event: StoredEvent): boolean => event.type in SUBMITTED;

/** What the proof of receipt states, read from the case's own events (the register's record). */
export function receiptFactsOf(events: readonly StoredEvent[], verifyBaseUrl: string): ReceiptFacts {
  const event = events.find(isSubmission);
  if (!event) throw new Error('the case has no submission to issue a receipt for');
  const filed = event.data as Submitted;
  const filerName = typeof event.metadata.actorName === 'string' ? event.metadata.actorName : undefined;
  // Filings recorded before the subject's name was: in one's own name it is the filer's.
  const subjectName = filed.subjectName ?? (filed.subject === filed.filer ? filerName : undefined);
  const province = provinceFor(filed.provinceCode);
  return {
    registryEntry: filed.registryEntry,
    csv: filed.receiptCsv,
    verifyUrl: `${verifyBaseUrl}/verify/${filed.receiptCsv}`,
    filer: { ...(filerName !== undefined && { name: filerName }), idNumber: filed.filer },
    subject: { ...(subjectName !== undefined && { name: subjectName }), idNumber: filed.subject },
    procedure: PROCEDURE_NAMES[SUBMITTED[event.type]!],
    addresseeUnit: filed.unit.name,
    province: { code: province.code, name: province.name },
    ...('benefitRequestRef' in filed && { benefitRequestRef: filed.benefitRequestRef }),
    ...('beneficiaries' in filed && {
      beneficiaries: filed.beneficiaries.map((b) => ({
        name: b.name,
        ...(b.identityNumber !== undefined && { idNumber: b.identityNumber }),
        birthDate: b.birthDate,
      })),
    }),
    documents: filed.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      kind: a.kind,
      size: a.size,
      sha256: a.blobHash,
    })),
  };
}
