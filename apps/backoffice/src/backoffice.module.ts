import { DynamicModule, Module } from '@nestjs/common';
import { InfraModule, InfraModuleOptions } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';
import { MetricsModule } from '@expediente/infra/metrics/metrics.module';
import { HomeController } from './home/home.controller';
import { OperationsModule } from './operations/operations.module';

@Module({})
export class BackofficeModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: BackofficeModule,
      imports: [InfraModule.forRoot(options), HealthModule, MetricsModule, OperationsModule.forRoot()],
      controllers: [HomeController],
    };
  }
}
