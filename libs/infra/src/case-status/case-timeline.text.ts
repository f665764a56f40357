import { StoredEvent } from '../event-store/event-store.port';

type Data = Record<string, unknown>;

/** What a citizen reads in their case's timeline, in plain Spanish. Undefined: not shown. */
export function describeEvent(event: StoredEvent): string | undefined {
  const data = event.data as Data;
  switch (event.type) {
    case 'ReportDraftCreated':
      return 'Borrador de aportación de informes médicos creado.';
    case 'EntitlementDraftCreated':
      return 'Borrador de solicitud de reconocimiento del derecho a la asistencia sanitaria creado.';
    case 'ReportDraftUpdated':
    case 'EntitlementDraftUpdated':
      return 'Borrador modificado.';
    case 'ReportDocumentAttached':
    case 'EntitlementDocumentAttached':
      return `Documento adjuntado: ${(data.attachment as { filename: string }).filename}.`;
    case 'ReportDocumentRemoved':
    case 'EntitlementDocumentRemoved':
      return 'Documento retirado del borrador.';
    case 'ReportsSubmitted':
    case 'EntitlementApplicationSubmitted': {
      const entry = data.registryEntry as { number: string };
      return `Presentado en el registro electrónico con el número ${entry.number}.`;
    }
    case 'CaseRoutedToUnit':
      return `Remitido a ${(data.unit as { name: string }).name}.`;
    case 'ProofOfReceiptIssued':
      return `Justificante de registro disponible (código de verificación ${String(data.csv)}).`;
    case 'ReportsWithdrawn':
    case 'EntitlementApplicationWithdrawn':
      return 'Desistimiento registrado: el expediente no seguirá tramitándose.';
    default:
      return undefined;
  }
}
