import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { TypedConfig } from '../infra.module';
import { PDF_RENDERER } from './pdf-renderer';
import { PooledPdfRenderer } from './pdf-renderer.pool';
import { MeasuredPdfRenderer } from './pdf-renderer.measured';

/** The worker's PDF_RENDERER: a pool of Debian's Chromium (`CHROME_PATH`), timed into the metrics. */
export const pdfRendererProvider: Provider = {
  provide: PDF_RENDERER,
  inject: [ConfigService],
  useFactory: (config: TypedConfig) =>
    new MeasuredPdfRenderer(
      new PooledPdfRenderer({ executablePath: config.get('CHROME_PATH', { infer: true }) }),
    ),
};
