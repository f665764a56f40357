import type { AttachmentContentType, AttachmentKind, RegistryEntry } from '@expediente/domain';
import { sealedZip } from '../seal/sealed-zip';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import type { Seal } from '../seal/seal';
import { receiptHtml } from './receipt-view';

/** Everything a proof of receipt states; the worker gathers it from the filing's events. */
export interface ReceiptFacts {
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

/** The receipt, the seal's detached signature over it, and both in the zip the filer downloads. */
export interface ProofOfReceipt {
  readonly pdf: Buffer;
  readonly p7s: Buffer;
  readonly zip: Buffer;
}

export const RECEIPT_PDF = 'receipt.pdf';
export const RECEIPT_SIGNATURE = 'receipt.pdf.p7s';

export class ReceiptRenderer {
  constructor(
    private readonly pdfRenderer: PdfRenderer,
    private readonly seal: Seal,
  ) {}

  async renderReceipt(facts: ReceiptFacts): Promise<ProofOfReceipt> {
    const pdf = await this.pdfRenderer.render(receiptHtml(facts));
    const p7s = this.seal.signDetached(pdf);
    const zip = await sealedZip(
      [
        [RECEIPT_PDF, pdf],
        [RECEIPT_SIGNATURE, p7s],
      ],
      new Date(facts.registryEntry.registeredAt),
    );
    return { pdf, p7s, zip };
  }
}
