import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { AuditCaseController } from './audit-case.controller';
import { AuditDiffController } from './audit-diff.controller';
import { AuditSearchController } from './audit-search.controller';

/** The auditors' pages: read-only, through the API's audit routes. */
@Module({
  imports: [WebCoreModule],
  controllers: [AuditSearchController, AuditCaseController, AuditDiffController],
})
export class AuditPagesModule {}
