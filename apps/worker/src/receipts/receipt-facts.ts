import { provinceFor, type ReceiptStatement, type StoredDomainEvent } from '@expediente/domain';
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
  const filerName = event.metadata.actorName;
  // Filings recorded before the subject's name was: in one's own name it is the filer's.
  const subjectName = filed.subjectName ?? (filed.subject === filed.filer ? filerName : undefined);
  const province = provinceFor(filed.provinceCode);
  return {
    registryEntry: filed.registryEntry,
    csv: filed.receiptCsv,
    verifyUrl: `${verifyBaseUrl}/verify/${filed.receiptCsv}`,
    filer: { ...(filerName !== undefined && { name: filerName }), idNumber: filed.filer },
    subject: { ...(subjectName !== undefined && { name: subjectName }), idNumber: filed.subject },
    procedure: PROCEDURE_NAMES[event.type],
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
