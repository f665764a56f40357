import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { DraftLoader } from './draft-loader';
import { FilingDocumentsController } from './filing-documents.controller';
import { FilingStartController } from './filing-start.controller';
import { FilingStepsController } from './filing-steps.controller';
import { FilingSubmitController } from './filing-submit.controller';

/** The citizen's filing pages under /citizen/filings (the start's routes first: `new/...` is not a draft). */
@Module({
  imports: [WebCoreModule],
  providers: [DraftLoader],
  controllers: [
    FilingStartController,
    FilingDocumentsController,
    FilingStepsController,
    FilingSubmitController,
  ],
})
export class CitizenFilingPagesModule {}
