import { Module } from '@nestjs/common';
import { ListDocumentReadsController } from './list-document-reads/list-document-reads.controller';
import { ListDocumentReadsHandler } from './list-document-reads/list-document-reads.handler';

/** What auditors query: the recorded reads of health data. */
@Module({
  controllers: [ListDocumentReadsController],
  providers: [ListDocumentReadsHandler],
})
export class AuditModule {}
