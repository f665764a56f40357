import type { MessageKey } from './es';

/** The citizen's texts in Catalan. */
export const ca: Readonly<Record<MessageKey, string>> = {
  'timeline.ReportDraftCreated': 'Esborrany d’aportació d’informes mèdics creat.',
  'timeline.EntitlementDraftCreated':
    'Esborrany de sol·licitud de reconeixement del dret a l’assistència sanitària creat.',
  'timeline.DraftUpdated': 'Esborrany modificat.',
  'timeline.DocumentAttached': 'Document adjuntat: {filename}.',
  'timeline.DocumentRemoved': 'Document retirat de l’esborrany.',
  'timeline.Submitted': 'Presentat al registre electrònic amb el número {number}.',
  'timeline.Routed': 'Tramès a {unit}.',
  'timeline.ReceiptIssued': 'Justificant de registre disponible (codi de verificació {csv}).',
  'timeline.FilingWithdrawn': 'Desistiment registrat: l’expedient no continuarà tramitant-se.',
  'timeline.ReviewerAssigned': 'La unitat mèdica ha assignat el vostre expedient per estudiar-lo.',
  'timeline.InformationRequested':
    'La unitat mèdica us demana informació: «{requested}». La podeu aportar fins al {dueOn:date}.',
  'timeline.InformationProvided': 'Heu aportat la informació demanada.',
  'timeline.CitizenAnswerExpired':
    'El termini per aportar la informació va acabar el {dueOn:date}; l’estudi continua sense ella.',
  'timeline.CaseEvaluated': 'La unitat mèdica ha acabat d’estudiar el vostre expedient.',
  'timeline.CaseResolved.granted': 'El vostre expedient està resolt: estimat.',
  'timeline.CaseResolved.partially-granted': 'El vostre expedient està resolt: estimat en part.',
  'timeline.CaseResolved.denied': 'El vostre expedient està resolt: desestimat.',
  'timeline.ResolutionIssued': 'La resolució signada s’ha emès per notificar-vos-la.',
  'timeline.PaperCopyPosted': 'S’ha enviat una còpia en paper al vostre domicili.',
  'timeline.NotificationMadeAvailable':
    'Teniu una notificació de la resolució disponible fins al {lastDayToAccess:date}.',
  'timeline.NotificationAccessed': 'Heu obert la notificació.',
  'timeline.NotificationAccepted': 'Heu acceptat la notificació.',
  'timeline.NotificationRejected': 'Heu rebutjat la notificació.',
  'timeline.NotificationDeemedRejected':
    'La notificació es considera rebutjada: han passat deu dies sense obrir-la. El procediment continua.',
  'timeline.CaseClosed': 'Expedient tancat.',
  'timeline.DocumentRead': '{unit} ({unitId}) va obrir el vostre document «{filename}» el {readAt:date}.',
  'todo.answer-information-request': 'Aporteu la informació demanada («{requested}») fins al {dueOn:date}.',
  'todo.open-notification':
    'Teniu una notificació esperant: obriu-la fins al {lastDayToAccess:date}; si no, es considerarà rebutjada el {deemedRejectedAt:date}.',
  'todo.answer-notification': 'Heu obert la notificació: accepteu-la o rebutgeu-la.',
};
