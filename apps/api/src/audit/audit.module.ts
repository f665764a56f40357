import { Module } from '@nestjs/common';
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

/** The auditors' read-only queries: a case's history, its state at any point, what changed, who did what, who read which document. */
@Module({
  controllers: [
    ViewCaseHistoryController,
    ViewCaseStateController,
    DiffCaseStatesController,
    SearchActivityController,
    ListDocumentReadsController,
  ],
  providers: [
    ...AUDIT_PROVIDERS,
    ViewCaseHistoryHandler,
    ViewCaseStateHandler,
    DiffCaseStatesHandler,
    SearchActivityHandler,
    ListDocumentReadsHandler,
  ],
})
export class AuditModule {}
