import { DynamicModule, Module } from '@nestjs/common';
import { InfraModule, InfraModuleOptions } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';
import { MetricsModule } from '@expediente/infra/metrics/metrics.module';
import { OperationsModule } from './operations/operations.module';
import { WebModule } from './web/web.module';

@Module({})
export class BackofficeModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: BackofficeModule,
      imports: [
        InfraModule.forRoot(options),
        HealthModule,
        MetricsModule,
        OperationsModule.forRoot(),
        WebModule,
      ],
    };
  }
}
