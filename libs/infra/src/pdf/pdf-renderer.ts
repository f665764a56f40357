/** Turns a self-contained HTML document into an A4 PDF (receipts, resolutions, evidence). */
export interface PdfRenderer {
  /** `html` must embed everything it needs (styles inline, images as data: URLs): nothing is fetched. */
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export const PDF_RENDERER = Symbol('PDF_RENDERER');
