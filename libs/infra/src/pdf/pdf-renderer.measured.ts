import { pdfRenderDuration } from '../metrics/metrics';
import { PdfRenderer } from './pdf-renderer';

/** Any renderer, timed into `expediente_pdf_render_seconds` (failures under outcome="error"). */
export class MeasuredPdfRenderer implements PdfRenderer {
  constructor(private readonly inner: PdfRenderer) {}

  async render(html: string): Promise<Buffer> {
    const stop = pdfRenderDuration.startTimer();
    try {
      const pdf = await this.inner.render(html);
      stop({ outcome: 'ok' });
      return pdf;
    } catch (error) {
      stop({ outcome: 'error' });
      throw error;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
