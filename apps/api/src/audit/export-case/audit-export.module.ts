import { Module } from '@nestjs/common';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { ConfigService } from '@nestjs/config';
import { loadOrCreateSeal, SEAL } from '@expediente/infra/seal/seal';
import { IdentityApiModule } from '../../identity/identity-api.module';
import { ExportCaseController } from './export-case.controller';
import { ExportCaseHandler } from './export-case.handler';

/** Auditors' sealed export of a case (docs/ARCHITECTURE.md "Audit export"); the seal is the worker's, on the same DATA_DIR. */
@Module({
  imports: [IdentityApiModule],
  controllers: [ExportCaseController],
  providers: [
    {
      provide: SEAL,
      inject: [ConfigService],
      useFactory: (config: TypedConfig) => loadOrCreateSeal(config.get('DATA_DIR', { infer: true })),
    },
    ExportCaseHandler,
  ],
})
export class AuditExportModule {}
