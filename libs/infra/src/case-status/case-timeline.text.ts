import type { StoredDomainEvent } from '@expediente/domain';

/** What a citizen reads in their case's timeline, in plain Spanish. Undefined: not shown. */
export function describeEvent(event: StoredDomainEvent): string | undefined {
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
      return `Documento adjuntado: ${event.data.attachment.filename}.`;
    case 'ReportDocumentRemoved':
    case 'EntitlementDocumentRemoved':
      return 'Documento retirado del borrador.';
    case 'ReportsSubmitted':
    case 'EntitlementApplicationSubmitted':
      return `Presentado en el registro electrónico con el número ${event.data.registryEntry.number}.`;
    case 'CaseRoutedToUnit':
      return `Remitido a ${event.data.unit.name}.`;
    case 'ProofOfReceiptIssued':
      return `Justificante de registro disponible (código de verificación ${event.data.csv}).`;
    case 'ReportsWithdrawn':
    case 'EntitlementApplicationWithdrawn':
      return 'Desistimiento registrado: el expediente no seguirá tramitándose.';
    // The review's own steps are not shown here, and its withdrawal is the filing's, said above.
    case 'ReviewOpened':
    case 'ReviewerAssigned':
    case 'InformationRequested':
    case 'InformationProvided':
    case 'CaseEvaluated':
    case 'CaseResolved':
    case 'ResolutionIssued':
    case 'PaperCopyPosted':
    case 'CaseClosed':
    case 'DeadlineExpired':
    case 'ReviewWithdrawn':
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
      return undefined;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
