import { Module } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { InformationDrafts } from '@expediente/infra/review-queue/information-drafts';
import { STAFF_DIRECTORY } from '@expediente/infra/staff/staff-directory.port';
import { staffDirectoryProvider } from '@expediente/infra/staff/staff-directory.providers';
import { IdentityApiModule } from '../identity/identity-api.module';
import { CaseLifecycleModule } from '../case-lifecycle/case-lifecycle.module';
import { ReviewController } from './review.controller';
import { InformationController } from './information.controller';
import { ReviewService } from './review.service';
import { InformationService } from './information.service';

/** The review endpoints: staff of the case's unit, and the citizen answering or withdrawing. */
@Module({
  imports: [IdentityApiModule, CaseLifecycleModule],
  controllers: [ReviewController, InformationController],
  providers: [
    ReviewService,
    InformationService,
    staffDirectoryProvider,
    {
      provide: InformationDrafts,
      inject: [SQL_CLIENT],
      useFactory: (sql: SqlClient) => new InformationDrafts(sql),
    },
  ],
  exports: [STAFF_DIRECTORY],
})
export class ReviewApiModule {}
