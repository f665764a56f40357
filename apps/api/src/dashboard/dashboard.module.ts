import { Module } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { ReviewQueue } from '@expediente/infra/review-queue/review-queue';
import { ViewUnitDashboardController } from './view-unit-dashboard/view-unit-dashboard.controller';
import { ViewUnitDashboardHandler } from './view-unit-dashboard/view-unit-dashboard.handler';
import { ListUnitCasesController } from './list-unit-cases/list-unit-cases.controller';
import { ListUnitCasesHandler } from './list-unit-cases/list-unit-cases.handler';

/** The medical units' dashboards and case lists, read from the review queue. */
@Module({
  controllers: [ViewUnitDashboardController, ListUnitCasesController],
  providers: [
    { provide: ReviewQueue, inject: [SQL_CLIENT], useFactory: (sql: SqlClient) => new ReviewQueue(sql) },
    ViewUnitDashboardHandler,
    ListUnitCasesHandler,
  ],
})
export class DashboardModule {}
