import type { ReceiptStatement } from '@expediente/domain';
import { sealedZip } from '../seal/sealed-zip';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import type { Seal } from '../seal/seal';
import { receiptHtml } from './receipt-view';

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

  async renderReceipt(facts: ReceiptStatement): Promise<ProofOfReceipt> {
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
