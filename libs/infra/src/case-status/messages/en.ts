import type { MessageKey } from './es';

/** The citizen's texts in English. */
export const en: Readonly<Record<MessageKey, string>> = {
  'timeline.ReportDraftCreated': 'Draft submission of medical reports created.',
  'timeline.EntitlementDraftCreated': 'Draft application for entitlement to medical assistance created.',
  'timeline.DraftUpdated': 'Draft changed.',
  'timeline.DocumentAttached': 'Document attached: {filename}.',
  'timeline.DocumentRemoved': 'Document removed from the draft.',
  'timeline.Submitted': 'Filed in the electronic register with number {number}.',
  'timeline.Routed': 'Sent to {unit}.',
  'timeline.ReceiptIssued': 'Proof of receipt available (verification code {csv}).',
  'timeline.FilingWithdrawn': 'Withdrawal recorded: the case will not be processed further.',
  'timeline.ReviewerAssigned': 'The medical unit has assigned your case for review.',
  'timeline.InformationRequested':
    'The medical unit asks you for information: “{requested}”. You can provide it until {dueOn:date}.',
  'timeline.InformationProvided': 'You provided the information requested.',
  'timeline.CitizenAnswerExpired':
    'The time to provide the information ended on {dueOn:date}; the review goes on without it.',
  'timeline.CaseEvaluated': 'The medical unit has finished reviewing your case.',
  'timeline.CaseResolved.granted': 'Your case is resolved: granted.',
  'timeline.CaseResolved.partially-granted': 'Your case is resolved: partially granted.',
  'timeline.CaseResolved.denied': 'Your case is resolved: denied.',
  'timeline.ResolutionIssued': 'The signed resolution was issued to be notified to you.',
  'timeline.PaperCopyPosted': 'A paper copy was posted to your address.',
  'timeline.NotificationMadeAvailable':
    'A notification of the resolution is available to you until {lastDayToAccess:date}.',
  'timeline.NotificationAccessed': 'You opened the notification.',
  'timeline.NotificationAccepted': 'You accepted the notification.',
  'timeline.NotificationRejected': 'You rejected the notification.',
  'timeline.NotificationDeemedRejected':
    'The notification is deemed rejected: ten days passed without it being opened. The procedure goes on.',
  'timeline.CaseClosed': 'Case closed.',
  'timeline.DocumentRead': 'Your document “{filename}” was opened by {unit} ({unitId}) on {readAt:date}.',
  'todo.answer-information-request': 'Provide the information requested (“{requested}”) by {dueOn:date}.',
  'todo.open-notification':
    'A notification is waiting for you: open it by {lastDayToAccess:date}, or it will be deemed rejected on {deemedRejectedAt:date}.',
  'todo.answer-notification': 'You opened the notification: accept or reject it.',
};
