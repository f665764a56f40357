import { DynamicModule, Module } from '@nestjs/common';
import { InfraModule, InfraModuleOptions } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';

/** BullMQ processors (receipts, resolution PDFs, notifications, deadlines) register here. */
@Module({})
export class WorkerModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfraModule.forRoot(options), HealthModule],
    };
  }
}
