import { Module } from '@nestjs/common';
import { IdentityApiModule } from '../identity/identity-api.module';
import { ReviewModule } from '../review/review.module';
import { VisibleCases } from './status.shared';
import { ListMyCasesController } from './list-my-cases/list-my-cases.controller';
import { ListMyCasesHandler } from './list-my-cases/list-my-cases.handler';
import { ViewCaseStatusController } from './view-case-status/view-case-status.controller';
import { ViewCaseStatusHandler } from './view-case-status/view-case-status.handler';
import { ViewCaseTimelineController } from './view-case-timeline/view-case-timeline.controller';
import { ViewCaseTimelineHandler } from './view-case-timeline/view-case-timeline.handler';
import { DownloadProofOfReceiptController } from './download-proof-of-receipt/download-proof-of-receipt.controller';
import { DownloadProofOfReceiptHandler } from './download-proof-of-receipt/download-proof-of-receipt.handler';
import { VerifyDocumentController } from './verify-document/verify-document.controller';
import { VerifyDocumentHandler } from './verify-document/verify-document.handler';

/** What citizens (and their representatives) see of their cases, and the public check of issued documents. */
@Module({
  imports: [IdentityApiModule, ReviewModule],
  controllers: [
    ListMyCasesController,
    ViewCaseStatusController,
    ViewCaseTimelineController,
    DownloadProofOfReceiptController,
    VerifyDocumentController,
  ],
  providers: [
    VisibleCases,
    ListMyCasesHandler,
    ViewCaseStatusHandler,
    ViewCaseTimelineHandler,
    DownloadProofOfReceiptHandler,
    VerifyDocumentHandler,
  ],
})
export class StatusModule {}
