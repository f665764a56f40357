import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { InfraModule, InfraModuleOptions, TypedConfig } from '@expediente/infra/infra.module';
import { HealthModule } from '@expediente/infra/health/health.module';
import { MetricsModule } from '@expediente/infra/metrics/metrics.module';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { BENEFIT_RECORDS } from '@expediente/infra/benefit-records/benefit-records.port';
import { SqlBenefitRecords } from '@expediente/infra/benefit-records/benefit-records.sql';
import { IdentityApiModule } from './identity/identity-api.module';
import { FilingController } from './filing/filing.controller';
import { FilingService } from './filing/filing.service';
import { CaseStatusController } from './status/case-status.controller';
import { VerifyController } from './status/verify.controller';
import { PowersController } from './powers/powers.controller';
import { BenefitRecordsController } from './admin/benefit-records.controller';
import { ReviewApiModule } from './review/review-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { DashboardApiModule } from './dashboard/dashboard-api.module';

/** The local benefit-records adapter starts from its fixtures file. */
@Injectable()
class BenefitRecordsFixtures implements OnApplicationBootstrap {
  constructor(
    @Inject(BENEFIT_RECORDS) private readonly records: SqlBenefitRecords,
    @Inject(ConfigService) private readonly config: TypedConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const file = this.config.get('BENEFIT_RECORDS_FILE', { infer: true });
    if (file !== 'none') await this.records.importFile(file);
  }
}

@Module({})
export class ApiModule {
  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        InfraModule.forRoot(options),
        CqrsModule.forRoot(),
        HealthModule,
        MetricsModule,
        IdentityApiModule,
        ReviewApiModule,
        NotificationsApiModule,
        DashboardApiModule,
      ],
      controllers: [
        FilingController,
        CaseStatusController,
        VerifyController,
        PowersController,
        BenefitRecordsController,
      ],
      providers: [
        FilingService,
        {
          provide: BENEFIT_RECORDS,
          inject: [SQL_CLIENT],
          useFactory: (sql: SqlClient) => new SqlBenefitRecords(sql),
        },
        BenefitRecordsFixtures,
      ],
    };
  }
}
