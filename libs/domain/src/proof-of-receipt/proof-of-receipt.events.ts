import type { Event } from '../shared/decider';
import type { AttachmentContentType, AttachmentKind } from '../filing/attachment';
import type { RegistryEntry } from '../filing/filing.events';

export interface ReceiptPerson {
  /** Unknown to the register when only a representation document vouches for a subject. */
  readonly name?: string;
  /** DNI, NIE or passport number. */
  readonly idNumber: string;
}

export interface ReceiptBeneficiary {
  readonly name: string;
  /** DNI/NIE; young children often have none. */
  readonly idNumber?: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
}

export interface ReceiptDocument {
  readonly filename: string;
  readonly contentType: AttachmentContentType;
  readonly kind: AttachmentKind;
  /** Bytes. */
  readonly size: number;
  /** The blob hash: lets the filer prove which exact bytes were registered. */
  readonly sha256: string;
}

/** Everything a proof of receipt states, as printed on it; read from the filing's own events. */
export interface ReceiptStatement {
  readonly registryEntry: RegistryEntry;
  /** Verification code (CSV), ungrouped as stored. */
  readonly csv: string;
  /** Where anyone can check the receipt with its CSV. */
  readonly verifyUrl: string;
  /** Who filed and signed. */
  readonly filer: ReceiptPerson;
  /** Whose case it is: the filer, or the person a representative filed for. */
  readonly subject: ReceiptPerson;
  /** The procedure's name as the e-office shows it. */
  readonly procedure: string;
  /** The unit the filing is addressed to (INSS provincial division or ICAM). */
  readonly addresseeUnit: string;
  /** The province the filing is addressed to (the unit follows from it). */
  readonly province: { readonly code: string; readonly name: string };
  /** Medical reports: the benefit request they are for (the 'NOTES' reference on the form). */
  readonly benefitRequestRef?: string;
  /** Entitlement applications: the people the entitlement is asked for. */
  readonly beneficiaries?: readonly ReceiptBeneficiary[];
  readonly documents: readonly ReceiptDocument[];
}

/** The sealed receipt was stored: the PDF, the seal's detached signature over it, and the zip of both. */
export type ProofOfReceiptIssued = Event<
  'ProofOfReceiptIssued',
  {
    caseId: string;
    csv: string;
    registryNumber: string;
    registeredAt: string;
    pdfHash: string;
    p7sHash: string;
    zipHash: string;
    facts: ReceiptStatement;
  }
>;

export type ProofOfReceiptEvent = ProofOfReceiptIssued;
