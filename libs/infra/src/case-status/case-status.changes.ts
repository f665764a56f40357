import { StoredEvent } from '../event-store/event-store.port';
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

type Data = Record<string, unknown>;

const PROCEDURE_OF_DRAFT: Record<string, string> = {
  ReportDraftCreated: 'medical-report-submission',
  EntitlementDraftCreated: 'entitlement-application',
};

/** The changes one event makes, in the order they apply. Pure: the same event always gives the same list. */
export function changesOf(event: StoredEvent): readonly CaseStatusChange[] {
  const data = event.data as Data;
  const caseId = data.caseId as string | undefined;
  const at = event.recordedAt;
  const timeline = timelineEntry(event, caseId);
  switch (event.type) {
    case 'ReportDraftCreated':
    case 'EntitlementDraftCreated':
      return [
        {
          kind: 'case-opened',
          caseId: caseId!,
          procedure: PROCEDURE_OF_DRAFT[event.type]!,
          filer: data.filer as string,
          subject: data.subject as string,
          provinceCode: (data.provinceCode as string | undefined) ?? null,
          at,
        },
        ...timeline,
      ];
    case 'ReportDraftUpdated':
    case 'EntitlementDraftUpdated':
      return [
        {
          kind: 'draft-updated',
          caseId: caseId!,
          provinceCode: (data.provinceCode as string | undefined) ?? null,
          at,
        },
        ...timeline,
      ];
    case 'ReportsSubmitted':
    case 'EntitlementApplicationSubmitted': {
      const entry = data.registryEntry as { number: string; registeredAt: string };
      return [
        {
          kind: 'case-submitted',
          caseId: caseId!,
          registryNumber: entry.number,
          registeredAt: new Date(entry.registeredAt),
          receiptCsv: data.receiptCsv as string,
          at,
        },
        ...timeline,
      ];
    }
    case 'CaseRoutedToUnit': {
      const unit = data.unit as { id: string; name: string };
      return [
        { kind: 'case-routed', caseId: caseId!, unit: { id: unit.id, name: unit.name }, at },
        ...timeline,
      ];
    }
    case 'ReportsWithdrawn':
    case 'EntitlementApplicationWithdrawn':
      return [{ kind: 'case-withdrawn', caseId: caseId!, at }, ...timeline];
    case 'ProofOfReceiptIssued':
      return [
        {
          kind: 'receipt-issued',
          receipt: {
            csv: data.csv as string,
            caseId: caseId!,
            registryNumber: data.registryNumber as string,
            registeredAt: new Date(data.registeredAt as string),
            pdfHash: data.pdfHash as string,
            p7sHash: data.p7sHash as string,
            zipHash: data.zipHash as string,
            facts: data.facts as Record<string, unknown>,
          },
          at,
        },
        ...timeline,
      ];
    case 'PowerGranted':
      return [
        {
          kind: 'power-granted',
          power: {
            powerId: data.powerId as string,
            principal: data.principal as string,
            proxy: data.proxy as string,
            procedures: data.procedures as string[],
            validFrom: data.validFrom as string,
            validUntil: data.validUntil as string,
            status: 'granted',
          },
        },
      ];
    case 'PowerAccepted':
    case 'PowerRevoked':
      return [
        {
          kind: 'power-changed',
          powerId: data.powerId as string,
          status: event.type === 'PowerAccepted' ? 'accepted' : 'revoked',
        },
      ];
    default:
      // Attachments and other case events show in the timeline only.
      return timeline;
  }
}

function timelineEntry(event: StoredEvent, caseId: string | undefined): CaseStatusChange[] {
  const text = describeEvent(event);
  if (!caseId || !text) return [];
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
