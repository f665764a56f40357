import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InfraModule, InfraModuleOptions } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';

@Module({})
export class ApiModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [InfraModule.forRoot(options), CqrsModule.forRoot(), HealthModule],
    };
  }
}
