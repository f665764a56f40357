import { Module } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { ReviewQueue } from '@expediente/infra/review-queue/review-queue';
import { DashboardController } from './dashboard.controller';

@Module({
  controllers: [DashboardController],
  providers: [
    { provide: ReviewQueue, inject: [SQL_CLIENT], useFactory: (sql: SqlClient) => new ReviewQueue(sql) },
  ],
})
export class DashboardApiModule {}
