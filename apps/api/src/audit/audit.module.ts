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
import { ListDocumentReadsController } from './list-document-reads/list-document-reads.controller';
import { ListDocumentReadsHandler } from './list-document-reads/list-document-reads.handler';
import { AUDIT_PROVIDERS } from '@expediente/infra/audit/audit.providers';
import { ViewCaseHistoryController } from './view-case-history/view-case-history.controller';
import { ViewCaseHistoryHandler } from './view-case-history/view-case-history.handler';
import { ViewCaseStateController } from './view-case-state/view-case-state.controller';
import { ViewCaseStateHandler } from './view-case-state/view-case-state.handler';
import { DiffCaseStatesController } from './diff-case-states/diff-case-states.controller';
import { DiffCaseStatesHandler } from './diff-case-states/diff-case-states.handler';
import { SearchActivityController } from './search-activity/search-activity.controller';
import { SearchActivityHandler } from './search-activity/search-activity.handler';

/** The auditors' read-only queries: a case's history, its state at any point, what changed, who did what, who read which document; and the proofs that the log was not altered. */
@Module({
  imports: [IdentityApiModule],
  controllers: [
    VerifyCaseController,
    VerifyLogController,
    ViewCaseHistoryController,
    ViewCaseStateController,
    DiffCaseStatesController,
    SearchActivityController,
    ListDocumentReadsController,
  ],
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
    ...AUDIT_PROVIDERS,
    ViewCaseHistoryHandler,
    ViewCaseStateHandler,
    DiffCaseStatesHandler,
    SearchActivityHandler,
    ListDocumentReadsHandler,
  ],
})
export class AuditModule {}
