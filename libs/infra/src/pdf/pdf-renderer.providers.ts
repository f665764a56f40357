import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { TypedConfig } from '../infra.module';
import { PDF_RENDERER } from './pdf-renderer';
import { PooledPdfRenderer } from './pdf-renderer.pool';

/** The worker's PDF_RENDERER: a pool of Debian's Chromium (`CHROME_PATH`). */
export const pdfRendererProvider: Provider = {
  provide: PDF_RENDERER,
  inject: [ConfigService],
  useFactory: (config: TypedConfig) =>
    new PooledPdfRenderer({ executablePath: config.get('CHROME_PATH', { infer: true }) }),
};
