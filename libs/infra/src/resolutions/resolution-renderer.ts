import type { MedicalUnit, Procedure, RegistryEntry } from '@expediente/domain';
import { sealedZip } from '../seal/sealed-zip';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import type { Seal } from '../seal/seal';
import {
  RESOLUTION_SIGNATURE_FILE,
  resolutionHtml,
  ResolutionLanguage,
  resolutionLanguage,
} from './resolution-view';

export type ResolutionOutcome = 'granted' | 'partially-granted' | 'denied';

/** Notifications are delivered, not resolved. */
export type ResolutionProcedure = Exclude<Procedure, 'notifications'>;

/** Text the reviewer writes: Spanish always, Catalan too for ICAM letters. */
export interface Localised<T> {
  readonly es: T;
  readonly ca?: T;
}

/** Everything a resolution letter states; the worker gathers it from the case's events. */
export interface ResolutionFacts {
  readonly caseId: string;
  /** The filing the case started with. */
  readonly registryEntry: RegistryEntry;
  /** Who resolves: its kind picks the letter's language. */
  readonly unit: MedicalUnit;
  readonly addressee: ResolutionAddressee;
  readonly procedure: ResolutionProcedure;
  readonly outcome: ResolutionOutcome;
  /** ISO instant of the resolution; printed as the Madrid date. */
  readonly resolvedAt: string;
  /** Facts and reasons, one paragraph each. */
  readonly grounds: Localised<readonly string[]>;
  /** Legal provisions applied, one each. */
  readonly legalBasis: Localised<readonly string[]>;
  /** The operative points: what is recognised (and, when partially granted, what is not). */
  readonly terms: Localised<readonly string[]>;
  /** Verification code (CSV), ungrouped as stored. */
  readonly csv: string;
  readonly verifyUrl: string;
  /** A reviewer's preview before resolving: marked as a draft, with no verification code. */
  readonly draft?: true;
}

export interface ResolutionAddressee {
  /** Unknown to the register when only a representation document vouches for the party. */
  readonly name?: string;
  /** DNI, NIE or passport number. */
  readonly idNumber: string;
  /** Lines of the postal address, for the paper copy; omitted when the party opted out of paper. */
  readonly postalAddress?: readonly string[];
}

/** The letter, the seal's detached signature over it, both in one zip, and the language it was written in. */
export interface SealedResolution {
  readonly pdf: Buffer;
  readonly p7s: Buffer;
  readonly zip: Buffer;
  readonly language: ResolutionLanguage;
}

export const RESOLUTION_PDF = 'resolution.pdf';
export { RESOLUTION_SIGNATURE_FILE };

export class ResolutionRenderer {
  constructor(
    private readonly pdfRenderer: PdfRenderer,
    private readonly seal: Seal,
  ) {}

  async render(facts: ResolutionFacts): Promise<SealedResolution> {
    const pdf = await this.pdfRenderer.render(resolutionHtml(facts));
    const p7s = this.seal.signDetached(pdf);
    const zip = await sealedZip(
      [
        [RESOLUTION_PDF, pdf],
        [RESOLUTION_SIGNATURE_FILE, p7s],
      ],
      new Date(facts.resolvedAt),
    );
    return { pdf, p7s, zip, language: resolutionLanguage(facts.unit) };
  }
}
