import type { Event } from '../shared/decider';
import type { LevelOfAssurance } from '../shared/command-metadata';
import type { MedicalUnit } from '../reference/provinces';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';

/** The electronic register's entry for a signed filing, as recorded (ISO instant). */
export interface RegistryEntry {
  /** 'YYYY/NNNNNN', allocated by the register. */
  readonly number: string;
  readonly registeredAt: string;
}

/** Why the filer could act for the subject: kept so an auditor sees it without re-deriving. */
export type RepresentationBasis =
  | { readonly kind: 'own-name' }
  | { readonly kind: 'power-of-attorney'; readonly powerId: string }
  | { readonly kind: 'representation-document'; readonly blobHashes: readonly string[] };

/** The facts every signed filing records, whatever the procedure. */
export interface FilingRecord {
  readonly registryEntry: RegistryEntry;
  /** Verification code (CSV) printed on the proof of receipt, checkable at a public URL. */
  readonly receiptCsv: string;
  readonly signedWith: LevelOfAssurance;
  readonly representation: RepresentationBasis;
  /**
   * The subject's name as the register knows it at filing, so documents can address them: the
   * filer's own, or the principal's as given when granting the power. Absent when only a
   * representation document vouches for the filer (and on filings from before it was recorded).
   */
  readonly subjectName?: string;
}

/** Emitted by both filings so the reviewers' queues can be fed from one event type. */
export type CaseRoutedToUnit = Event<
  'CaseRoutedToUnit',
  { caseId: string; procedure: Procedure; provinceCode: string; unit: MedicalUnit; routedAt: string }
>;
