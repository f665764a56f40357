import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InfraModule, InfraModuleOptions, TypedConfig } from '@expediente/infra/infra.module';
import { AlertChannelsModule } from '@expediente/infra/alerts/alert-channels.module';
import { HealthModule } from '@expediente/infra/health/health.module';
import { MetricsModule } from '@expediente/infra/metrics/metrics.module';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { pdfRendererProvider } from '@expediente/infra/pdf/pdf-renderer.providers';
import { ResolutionRenderer } from '@expediente/infra/resolutions/resolution-renderer';
import { loadOrCreateSeal, Seal, SEAL } from '@expediente/infra/seal/seal';
import { ReceiptRenderer } from '@expediente/infra/receipts/receipt-renderer';
import { ReactionContext, VERIFY_BASE_URL } from './reactions/reaction';
import { WorkerRuntime } from './worker.runtime';

/** BullMQ processors (receipts now; resolution PDFs, notifications, deadlines next) and projections. */
@Module({})
export class WorkerModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfraModule.forRoot(options), HealthModule, MetricsModule, AlertChannelsModule],
      providers: [
        pdfRendererProvider,
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
        ReactionContext,
        WorkerRuntime,
      ],
    };
  }
}
