import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InfraModule, InfraModuleOptions, TypedConfig } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { PooledPdfRenderer } from '@expediente/infra/pdf/pdf-renderer.pool';
import { ResolutionRenderer } from '@expediente/infra/resolutions/resolution-renderer';
import { Reactions } from './reactions/reactions';
import { loadOrCreateSeal, Seal, SEAL } from '@expediente/infra/seal/seal';
import { ReceiptRenderer } from '@expediente/infra/receipts/receipt-renderer';
import { ReceiptIssuer, VERIFY_BASE_URL } from './receipts/receipt-issuer';
import { WorkerRuntime } from './worker.runtime';
import { PaperPost } from './paper-post/paper-post';

/** BullMQ processors (receipts now; resolution PDFs, notifications, deadlines next) and projections. */
@Module({})
export class WorkerModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfraModule.forRoot(options), HealthModule],
      providers: [
        {
          provide: PDF_RENDERER,
          inject: [ConfigService],
          useFactory: (config: TypedConfig) =>
            new PooledPdfRenderer({ executablePath: config.get('CHROME_PATH', { infer: true }) }),
        },
        {
          provide: SEAL,
          inject: [ConfigService],
          useFactory: (config: TypedConfig) => loadOrCreateSeal(config.get('DATA_DIR', { infer: true })),
        },
        {
          provide: ReceiptRenderer,
          inject: [PDF_RENDERER, SEAL],
          useFactory: (pdf: PdfRenderer, seal: Seal) => new ReceiptRenderer(pdf, seal),
        },
        {
          provide: VERIFY_BASE_URL,
          inject: [ConfigService],
          useFactory: (config: TypedConfig) =>
            config.get('PUBLIC_BASE_URL', { infer: true }) ??
            `http://localhost:${config.get('API_PORT', { infer: true })}`,
        },
        {
          provide: ResolutionRenderer,
          inject: [PDF_RENDERER, SEAL],
          useFactory: (pdf: PdfRenderer, seal: Seal) => new ResolutionRenderer(pdf, seal),
        },
        ReceiptIssuer,
        Reactions,
        PaperPost,
        WorkerRuntime,
      ],
    };
  }
}
