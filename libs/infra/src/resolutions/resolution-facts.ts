import type { CaseResolved, MedicalUnit, RegistryEntry } from '@expediente/domain';
import type { StoredEvent } from '../event-store/event-store.port';
import type { ResolutionFacts, ResolutionProcedure } from './resolution-renderer';

type Filed = {
  registryEntry: RegistryEntry;
  subject: string;
  filer: string;
  subjectName?: string;
  paperOptOut?: boolean;
};

/** What the reviewer decided, and the case it decides: a CaseResolved's data, recorded or about to be. */
export type ResolutionDecided = CaseResolved['data'] & {
  readonly unit: MedicalUnit;
  readonly procedure: ResolutionProcedure;
};

/** What the resolution letter states, from the filing's events and the review's. */
export function resolutionFactsOf(
  filing: readonly StoredEvent[],
  review: readonly StoredEvent[],
  links: { csv: string; verifyBaseUrl: string },
): ResolutionFacts & { paperOptOut: boolean } {
  const opened = review.find((e) => e.type === 'ReviewOpened');
  const resolved = review.find((e) => e.type === 'CaseResolved') as (StoredEvent & CaseResolved) | undefined;
  if (!opened || !resolved) throw new Error('the case is not resolved yet');
  const { unit, procedure } = opened.data as { unit: MedicalUnit; procedure: ResolutionProcedure };
  return resolutionFactsFor(filing, { ...resolved.data, unit, procedure }, links);
}

/**
 * The same letter for a resolution not recorded yet (a reviewer's preview) or recorded: one
 * function states what the letter says, so the preview is the letter the worker will issue.
 */
export function resolutionFactsFor(
  filing: readonly StoredEvent[],
  decided: ResolutionDecided,
  links: { csv: string; verifyBaseUrl: string },
): ResolutionFacts & { paperOptOut: boolean } {
  const submitted = filing.find(
    (e) => e.type === 'ReportsSubmitted' || e.type === 'EntitlementApplicationSubmitted',
  );
  if (!submitted) throw new Error('the case was never filed');
  const filed = submitted.data as Filed;
  const { unit, procedure, outcome, grounds, legalBasis, resolvedAt, caseId } = decided;
  // Filings recorded before the subject's name was: in one's own name it is the filer's.
  const subjectName =
    filed.subjectName ??
    (filed.subject === filed.filer && typeof submitted.metadata.actorName === 'string'
      ? submitted.metadata.actorName
      : undefined);
  const paragraphs = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
  return {
    caseId,
    registryEntry: filed.registryEntry,
    unit,
    addressee: { ...(subjectName !== undefined && { name: subjectName }), idNumber: filed.subject },
    procedure,
    outcome,
    resolvedAt,
    // The reviewer writes grounds once; an ICAM letter's Catalan version carries them as written.
    grounds: { es: paragraphs(grounds), ...(unit.kind === 'ICAM' && { ca: paragraphs(grounds) }) },
    legalBasis: { es: paragraphs(legalBasis), ...(unit.kind === 'ICAM' && { ca: paragraphs(legalBasis) }) },
    terms: { es: [TERMS.es[outcome]], ...(unit.kind === 'ICAM' && { ca: [TERMS.ca[outcome]] }) },
    csv: links.csv,
    verifyUrl: `${links.verifyBaseUrl}/verify/${links.csv}`,
    paperOptOut: filed.paperOptOut ?? false,
  };
}

const TERMS: Record<'es' | 'ca', Record<CaseResolved['data']['outcome'], string>> = {
  es: {
    granted: 'Se estima la solicitud en los términos expuestos.',
    'partially-granted': 'Se estima parcialmente la solicitud en los términos expuestos.',
    denied: 'Se desestima la solicitud por los motivos expuestos.',
  },
  ca: {
    granted: "S'estima la sol·licitud en els termes exposats.",
    'partially-granted': "S'estima parcialment la sol·licitud en els termes exposats.",
    denied: 'Es desestima la sol·licitud pels motius exposats.',
  },
};
