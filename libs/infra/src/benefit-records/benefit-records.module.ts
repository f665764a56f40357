import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { TypedConfig } from '../infra.module';
import { SQL_CLIENT, SqlClient } from '../sql/sql-client';
import { BENEFIT_RECORDS } from './benefit-records.port';
import { SqlBenefitRecords } from './benefit-records.sql';

/** The local benefit-records adapter starts from its fixtures file (`BENEFIT_RECORDS_FILE`). */
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

/** BENEFIT_RECORDS for the apps, which know only the port. */
@Module({
  providers: [
    {
      provide: BENEFIT_RECORDS,
      inject: [SQL_CLIENT],
      useFactory: (sql: SqlClient) => new SqlBenefitRecords(sql),
    },
    BenefitRecordsFixtures,
  ],
  exports: [BENEFIT_RECORDS],
})
export class BenefitRecordsModule {}
