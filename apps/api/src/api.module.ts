import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InfraModule, InfraModuleOptions } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';
import { BenefitRecordsModule } from '@expediente/infra/benefit-records/benefit-records.module';
import { IdentityApiModule } from './identity/identity-api.module';
import { FilingModule } from './filing/filing.module';
import { StatusModule } from './status/status.module';
import { PowersController } from './powers/powers.controller';
import { AdminModule } from './admin/admin.module';
import { ReviewApiModule } from './review/review-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { DashboardApiModule } from './dashboard/dashboard-api.module';
import { CaseLifecycleModule } from './case-lifecycle/case-lifecycle.module';

@Module({})
export class ApiModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        InfraModule.forRoot(options),
        CqrsModule.forRoot(),
        BenefitRecordsModule,
        HealthModule,
        IdentityApiModule,
        ReviewApiModule,
        NotificationsApiModule,
        DashboardApiModule,
        CaseLifecycleModule,
        FilingModule,
        StatusModule,
        AdminModule,
      ],
      controllers: [PowersController],
    };
  }
}
