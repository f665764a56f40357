import { Module } from '@nestjs/common';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { LOG_INTEGRITY, LogIntegrity } from '@expediente/infra/log-integrity/log-integrity.port';
import { VerificationRuns } from '@expediente/infra/log-integrity/verification-runs';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { IdentityApiModule } from '../identity/identity-api.module';
import { VerifyCaseController } from './verify-case/verify-case.controller';
import { VerifyCaseHandler } from './verify-case/verify-case.handler';
import { VerifyLogController } from './verify-log/verify-log.controller';
import { StartLogVerificationHandler, ViewLogVerificationHandler } from './verify-log/verify-log.handler';

/** What auditors run: proofs that the log was not altered. */
@Module({
  imports: [IdentityApiModule],
  controllers: [VerifyCaseController, VerifyLogController],
  providers: [
    VerifyCaseHandler,
    StartLogVerificationHandler,
    ViewLogVerificationHandler,
    {
      provide: VerificationRuns,
      inject: [SQL_CLIENT, LOG_INTEGRITY, CLOCK],
      useFactory: (sql: SqlClient, integrity: LogIntegrity, clock: Clock) =>
        new VerificationRuns(sql, integrity, () => clock.now()),
    },
  ],
})
export class AuditModule {}
