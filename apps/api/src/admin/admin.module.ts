import { Module } from '@nestjs/common';
import { BenefitRecordsModule } from '@expediente/infra/benefit-records/benefit-records.module';
import { IdentityApiModule } from '../identity/identity-api.module';
import { ImportBenefitRecordsController } from './import-benefit-records/import-benefit-records.controller';
import { ImportBenefitRecordsHandler } from './import-benefit-records/import-benefit-records.handler';

/** What operators run: imports of data the system keeps from outside. */
@Module({
  imports: [IdentityApiModule, BenefitRecordsModule],
  controllers: [ImportBenefitRecordsController],
  providers: [ImportBenefitRecordsHandler],
})
export class AdminModule {}
