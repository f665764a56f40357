import type { CaseReviewEvent, NotificationEvent, StoredDomainEvent } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { asDomainEvent } from '../event-store/domain-events';
import { describeEvent } from './case-timeline.text';
import type { Message } from './messages/messages';
import type { PowerRecord, ReceiptRecord } from './case-status.port';

/** A timeline entry as an event makes it; its case is the change's. */
export interface TimelineLine {
  readonly position: number;
  readonly at: Date;
  readonly type: string;
  readonly message: Message;
  readonly actor: string | null;
}

/**
 * What an event changes in the citizen's view, independent of where the view is
 * stored: every adapter of the case-status read model applies these, in order.
 */
export type CaseStatusChange =
  | {
      readonly kind: 'case-opened';
      readonly caseId: string;
      readonly procedure: string;
      readonly filer: string;
      readonly subject: string;
      readonly provinceCode: string | null;
      readonly at: Date;
    }
  | {
      readonly kind: 'draft-updated';
      readonly caseId: string;
      readonly provinceCode: string | null;
      readonly at: Date;
    }
  | {
      readonly kind: 'case-submitted';
      readonly caseId: string;
      readonly registryNumber: string;
      readonly registeredAt: Date;
      readonly receiptCsv: string;
      readonly at: Date;
    }
  /** Only a submitted (or already routed) case moves: a late routing never revives a withdrawn one. */
  | {
      readonly kind: 'case-routed';
      readonly caseId: string;
      readonly unit: { id: string; name: string };
      readonly at: Date;
    }
  | { readonly kind: 'case-withdrawn'; readonly caseId: string; readonly at: Date }
  | { readonly kind: 'receipt-issued'; readonly receipt: ReceiptRecord; readonly at: Date }
  | { readonly kind: 'power-granted'; readonly power: PowerRecord }
  | { readonly kind: 'power-changed'; readonly powerId: string; readonly status: 'accepted' | 'revoked' }
  /**
   * A step of the review or of the resolution's notification: the adapter folds it into the
   * case's stored `CitizenCase` (the domain's evolveCitizenCase) and reads the status off it.
   * A notification's later steps name only the notification: the adapter finds its case.
   */
  | {
      readonly kind: 'case-step';
      readonly target: { readonly caseId: string } | { readonly notificationId: string };
      readonly event: CaseReviewEvent | NotificationEvent;
      readonly position: number;
      readonly at: Date;
      readonly line: TimelineLine | null;
    }
  | ({ readonly kind: 'timeline-entry'; readonly caseId: string } & TimelineLine);

const PROCEDURE_OF_DRAFT = {
  ReportDraftCreated: 'medical-report-submission',
  EntitlementDraftCreated: 'entitlement-application',
} as const;

/** The changes one event makes, in the order they apply. Pure: the same event always gives the same list. */
export function changesOf(stored: StoredEvent): readonly CaseStatusChange[] {
  const event = asDomainEvent(stored);
  if (!event) return [];
  const at = event.recordedAt;
  switch (event.type) {
    case 'ReportDraftCreated':
    case 'EntitlementDraftCreated': {
      const { caseId, filer, subject, provinceCode } = event.data;
      return [
        {
          kind: 'case-opened',
          caseId,
          procedure: PROCEDURE_OF_DRAFT[event.type],
          filer,
          subject,
          provinceCode: provinceCode ?? null,
          at,
        },
        ...timelineEntry(event, caseId),
      ];
    }
    case 'ReportDraftUpdated':
    case 'EntitlementDraftUpdated': {
      const { caseId, provinceCode } = event.data;
      return [
        { kind: 'draft-updated', caseId, provinceCode: provinceCode ?? null, at },
        ...timelineEntry(event, caseId),
      ];
    }
    case 'ReportsSubmitted':
    case 'EntitlementApplicationSubmitted': {
      const { caseId, registryEntry, receiptCsv } = event.data;
      return [
        {
          kind: 'case-submitted',
          caseId,
          registryNumber: registryEntry.number,
          registeredAt: new Date(registryEntry.registeredAt),
          receiptCsv,
          at,
        },
        ...timelineEntry(event, caseId),
      ];
    }
    case 'CaseRoutedToUnit': {
      const { caseId, unit } = event.data;
      return [
        { kind: 'case-routed', caseId, unit: { id: unit.id, name: unit.name }, at },
        ...timelineEntry(event, caseId),
      ];
    }
    // One lifecycle: the review's withdrawal withdraws the case the citizen sees, whichever half records it first.
    case 'ReportsWithdrawn':
    case 'EntitlementApplicationWithdrawn':
      return [
        { kind: 'case-withdrawn', caseId: event.data.caseId, at },
        ...timelineEntry(event, event.data.caseId),
      ];
    case 'ReviewWithdrawn':
      return [
        { kind: 'case-withdrawn', caseId: event.data.caseId, at },
        caseStep(event, { caseId: event.data.caseId }),
      ];
    case 'ProofOfReceiptIssued': {
      const { caseId, csv, registryNumber, registeredAt, pdfHash, p7sHash, zipHash, facts } = event.data;
      return [
        {
          kind: 'receipt-issued',
          receipt: {
            csv,
            caseId,
            registryNumber,
            registeredAt: new Date(registeredAt),
            pdfHash,
            p7sHash,
            zipHash,
            facts,
          },
          at,
        },
        ...timelineEntry(event, caseId),
      ];
    }
    case 'PowerGranted': {
      const { powerId, principal, proxy, procedures, validFrom, validUntil } = event.data;
      return [
        {
          kind: 'power-granted',
          power: { powerId, principal, proxy, procedures, validFrom, validUntil, status: 'granted' },
        },
      ];
    }
    case 'PowerAccepted':
      return [{ kind: 'power-changed', powerId: event.data.powerId, status: 'accepted' }];
    case 'PowerRevoked':
      return [{ kind: 'power-changed', powerId: event.data.powerId, status: 'revoked' }];
    case 'ReportDocumentAttached':
    case 'ReportDocumentRemoved':
    case 'EntitlementDocumentAttached':
    case 'EntitlementDocumentRemoved':
    case 'PaperCopyPosted':
      return timelineEntry(event, event.data.caseId);
    case 'ReviewOpened':
    case 'ReviewerAssigned':
    case 'InformationRequested':
    case 'InformationProvided':
    case 'CaseEvaluated':
    case 'CaseResolved':
    case 'ResolutionIssued':
    case 'CaseClosed':
    case 'DeadlineExpired':
      return [caseStep(event, { caseId: event.data.caseId })];
    // A notification about no case (none today) is not the citizen-status read model's.
    case 'NotificationMadeAvailable':
      return event.data.caseId === undefined ? [] : [caseStep(event, { caseId: event.data.caseId })];
    case 'NotificationAccessed':
    case 'NotificationAccepted':
    case 'NotificationRejected':
    case 'NotificationDeemedRejected':
      return [caseStep(event, { notificationId: event.data.notificationId })];
    case 'AlertSent':
    case 'AlertFailed':
    case 'PaperCopiesDeclined':
    case 'PaperCopiesResumed':
      return [];
    // The citizen sees when the administration opened their documents, and which unit did.
    case 'DocumentRead':
      return timelineEntry(event, event.data.caseId);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function lineOf(event: StoredDomainEvent): TimelineLine | null {
  const message = describeEvent(event);
  return message
    ? {
        position: event.position,
        at: event.recordedAt,
        type: event.type,
        message,
        actor: event.metadata.actor ?? null,
      }
    : null;
}

function timelineEntry(event: StoredDomainEvent, caseId: string): CaseStatusChange[] {
  const line = lineOf(event);
  return line ? [{ kind: 'timeline-entry', caseId, ...line }] : [];
}

function caseStep(
  event: StoredDomainEvent & (CaseReviewEvent | NotificationEvent),
  target: { caseId: string } | { notificationId: string },
): CaseStatusChange {
  return {
    kind: 'case-step',
    target,
    event,
    position: event.position,
    at: event.recordedAt,
    line: lineOf(event),
  };
}
