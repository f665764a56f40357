import type { CitizenTask, StoredDomainEvent } from '@expediente/domain';
import type { Message, MessageKey } from './messages/messages';

const say = (key: MessageKey, params: Record<string, string> = {}): Message => ({ key, params });

/**
 * What a citizen reads in their case's timeline, as a message to read in their language
 * (messages/). Undefined: not shown. Never a reviewer's name: only what the unit did.
 */
export function describeEvent(event: StoredDomainEvent): Message | undefined {
  switch (event.type) {
    case 'ReportDraftCreated':
      return say('timeline.ReportDraftCreated');
    case 'EntitlementDraftCreated':
      return say('timeline.EntitlementDraftCreated');
    case 'ReportDraftUpdated':
    case 'EntitlementDraftUpdated':
      return say('timeline.DraftUpdated');
    case 'ReportDocumentAttached':
    case 'EntitlementDocumentAttached':
      return say('timeline.DocumentAttached', { filename: event.data.attachment.filename });
    case 'ReportDocumentRemoved':
    case 'EntitlementDocumentRemoved':
      return say('timeline.DocumentRemoved');
    case 'ReportsSubmitted':
    case 'EntitlementApplicationSubmitted':
      return say('timeline.Submitted', { number: event.data.registryEntry.number });
    case 'CaseRoutedToUnit':
      return say('timeline.Routed', { unit: event.data.unit.name });
    case 'ProofOfReceiptIssued':
      return say('timeline.ReceiptIssued', { csv: event.data.csv });
    case 'ReportsWithdrawn':
    case 'EntitlementApplicationWithdrawn':
      return say('timeline.FilingWithdrawn');
    // A reassignment changes nothing the citizen must know.
    case 'ReviewerAssigned':
      return event.data.previousReviewerId === null ? say('timeline.ReviewerAssigned') : undefined;
    case 'InformationRequested':
      return say('timeline.InformationRequested', {
        requested: event.data.requested,
        dueOn: event.data.dueOn,
      });
    case 'InformationProvided':
      return say('timeline.InformationProvided');
    case 'DeadlineExpired':
      return event.data.step === 'citizenAnswer'
        ? say('timeline.CitizenAnswerExpired', { dueOn: event.data.dueOn })
        : undefined;
    case 'CaseEvaluated':
      return say('timeline.CaseEvaluated');
    case 'CaseResolved':
      return say(`timeline.CaseResolved.${event.data.outcome}`);
    case 'ResolutionIssued':
      return say('timeline.ResolutionIssued');
    case 'PaperCopyPosted':
      return say('timeline.PaperCopyPosted');
    case 'NotificationMadeAvailable':
      return say('timeline.NotificationMadeAvailable', { lastDayToAccess: event.data.lastDayToAccess });
    case 'NotificationAccessed':
      return say('timeline.NotificationAccessed');
    case 'NotificationAccepted':
      return say('timeline.NotificationAccepted');
    case 'NotificationRejected':
      return say('timeline.NotificationRejected');
    case 'NotificationDeemedRejected':
      return say('timeline.NotificationDeemedRejected');
    case 'CaseClosed':
      return say('timeline.CaseClosed');
    // The unit, never the person who read it.
    case 'DocumentRead':
      return say('timeline.DocumentRead', {
        unitId: event.data.reader.unit.id,
        unit: event.data.reader.unit.name,
        filename: event.data.document.filename,
        readAt: event.data.readAt,
      });
    // Routing already said where the case went, and the review's withdrawal is the filing's.
    case 'ReviewOpened':
    case 'ReviewWithdrawn':
    case 'PowerGranted':
    case 'PowerAccepted':
    case 'PowerRevoked':
    case 'AlertSent':
    case 'AlertFailed':
    case 'PaperCopiesDeclined':
    case 'PaperCopiesResumed':
      return undefined;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** What the citizen must do next, as a message to read in their language. */
export function describeTask(task: CitizenTask): Message {
  switch (task.kind) {
    case 'answer-information-request':
      return say('todo.answer-information-request', { requested: task.requested, dueOn: task.dueOn });
    case 'open-notification':
      return say('todo.open-notification', {
        lastDayToAccess: task.lastDayToAccess,
        deemedRejectedAt: task.deemedRejectedAt,
      });
    case 'answer-notification':
      return say('todo.answer-notification');
    default: {
      const unknown: never = task;
      return unknown;
    }
  }
}
