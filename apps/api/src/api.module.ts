import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InfraModule, InfraModuleOptions } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';
import { BenefitRecordsModule } from '@expediente/infra/benefit-records/benefit-records.module';
import { MetricsModule } from '@expediente/infra/metrics/metrics.module';
import { IdentityApiModule } from './identity/identity-api.module';
import { FilingModule } from './filing/filing.module';
import { StatusModule } from './status/status.module';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { ReviewModule } from './review/review.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PowersModule } from './powers/powers.module';
import { PreferencesModule } from './preferences/preferences.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { CaseLifecycleModule } from './case-lifecycle/case-lifecycle.module';
import { AuditExportModule } from './audit/export-case/audit-export.module';

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
        MetricsModule,
        IdentityApiModule,
        ReviewModule,
        NotificationsModule,
        PowersModule,
        PreferencesModule,
        DashboardModule,
        CaseLifecycleModule,
        AuditModule,
        FilingModule,
        StatusModule,
        AdminModule,
        AuditExportModule,
      ],
    };
  }
}
