import type { StoredDomainEvent } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { asDomainEvent } from '../event-store/domain-events';
import { describeEvent } from './case-timeline.text';
import type { PowerRecord, ReceiptRecord } from './case-status.port';

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
  | {
      readonly kind: 'timeline-entry';
      readonly caseId: string;
      readonly position: number;
      readonly at: Date;
      readonly type: string;
      readonly text: string;
      readonly actor: string | null;
    };

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
    case 'ReviewWithdrawn':
      return [
        { kind: 'case-withdrawn', caseId: event.data.caseId, at },
        ...timelineEntry(event, event.data.caseId),
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
      return timelineEntry(event, event.data.caseId);
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
    case 'NotificationMadeAvailable':
    case 'NotificationAccessed':
    case 'NotificationAccepted':
    case 'NotificationRejected':
    case 'NotificationDeemedRejected':
    case 'AlertSent':
    case 'AlertFailed':
      return [];
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function timelineEntry(event: StoredDomainEvent, caseId: string): CaseStatusChange[] {
  const text = describeEvent(event);
  if (!text) return [];
  return [
    {
      kind: 'timeline-entry',
      caseId,
      position: event.position,
      at: event.recordedAt,
      type: event.type,
      text,
      actor: event.metadata.actor ?? null,
    },
  ];
}
