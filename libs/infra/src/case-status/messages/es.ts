/**
 * The citizen's texts in Spanish, the default language; ca.ts and en.ts have the same keys.
 * `{name}` is replaced by a value, `{name:date}` by a date written out in the language.
 */
export const es = {
  'timeline.ReportDraftCreated': 'Borrador de aportación de informes médicos creado.',
  'timeline.EntitlementDraftCreated':
    'Borrador de solicitud de reconocimiento del derecho a la asistencia sanitaria creado.',
  'timeline.DraftUpdated': 'Borrador modificado.',
  'timeline.DocumentAttached': 'Documento adjuntado: {filename}.',
  'timeline.DocumentRemoved': 'Documento retirado del borrador.',
  'timeline.Submitted': 'Presentado en el registro electrónico con el número {number}.',
  'timeline.Routed': 'Remitido a {unit}.',
  'timeline.ReceiptIssued': 'Justificante de registro disponible (código de verificación {csv}).',
  'timeline.FilingWithdrawn': 'Desistimiento registrado: el expediente no seguirá tramitándose.',
  'timeline.ReviewerAssigned': 'La unidad médica ha asignado su expediente para su estudio.',
  'timeline.InformationRequested':
    'La unidad médica le pide información: «{requested}». Puede aportarla hasta el {dueOn:date}.',
  'timeline.InformationProvided': 'Ha aportado la información pedida.',
  'timeline.CitizenAnswerExpired':
    'El plazo para aportar la información terminó el {dueOn:date}; el estudio sigue sin ella.',
  'timeline.CaseEvaluated': 'La unidad médica ha terminado de estudiar su expediente.',
  'timeline.CaseResolved.granted': 'Su expediente está resuelto: estimado.',
  'timeline.CaseResolved.partially-granted': 'Su expediente está resuelto: estimado en parte.',
  'timeline.CaseResolved.denied': 'Su expediente está resuelto: desestimado.',
  'timeline.ResolutionIssued': 'La resolución firmada se ha emitido para notificársela.',
  'timeline.PaperCopyPosted': 'Se ha enviado una copia en papel a su domicilio.',
  'timeline.NotificationMadeAvailable':
    'Tiene una notificación de la resolución disponible hasta el {lastDayToAccess:date}.',
  'timeline.NotificationAccessed': 'Ha abierto la notificación.',
  'timeline.NotificationAccepted': 'Ha aceptado la notificación.',
  'timeline.NotificationRejected': 'Ha rechazado la notificación.',
  'timeline.NotificationDeemedRejected':
    'La notificación se tiene por rechazada: pasaron diez días sin abrirla. El procedimiento sigue.',
  'timeline.CaseClosed': 'Expediente cerrado.',
  'timeline.DocumentRead': '{unit} ({unitId}) abrió su documento «{filename}» el {readAt:date}.',
  'todo.answer-information-request': 'Aporte la información pedida («{requested}») hasta el {dueOn:date}.',
  'todo.open-notification':
    'Tiene una notificación esperando: ábrala hasta el {lastDayToAccess:date}; si no, se tendrá por rechazada el {deemedRejectedAt:date}.',
  'todo.answer-notification': 'Ha abierto la notificación: acéptela o recházela.',
} as const;

export type MessageKey = keyof typeof es;
