import { Module } from '@nestjs/common';
import { BenefitRecordsModule } from '@expediente/infra/benefit-records/benefit-records.module';
import { IdentityApiModule } from '../identity/identity-api.module';
import { CaseLifecycleModule } from '../case-lifecycle/case-lifecycle.module';
import { FilingDrafts } from './filing.shared';
import { CreateDraftController } from './create-draft/create-draft.controller';
import { CreateDraftHandler } from './create-draft/create-draft.handler';
import { ViewDraftController } from './view-draft/view-draft.controller';
import { ViewDraftHandler } from './view-draft/view-draft.handler';
import { UpdateDraftController } from './update-draft/update-draft.controller';
import { UpdateDraftHandler } from './update-draft/update-draft.handler';
import { AttachDocumentController } from './attach-document/attach-document.controller';
import { AttachDocumentHandler } from './attach-document/attach-document.handler';
import { RemoveDocumentController } from './remove-document/remove-document.controller';
import { RemoveDocumentHandler } from './remove-document/remove-document.handler';
import { RequestSigningCodeController } from './request-signing-code/request-signing-code.controller';
import { RequestFilingSigningCodeHandler } from './request-signing-code/request-signing-code.handler';
import { SubmitFilingController } from './submit-filing/submit-filing.controller';
import { SubmitFilingHandler } from './submit-filing/submit-filing.handler';
import { WithdrawFilingController } from './withdraw-filing/withdraw-filing.controller';
import { WithdrawFilingHandler } from './withdraw-filing/withdraw-filing.handler';
import { UnknownProcedureController } from './unknown-procedure.controller';

/** The electronic register's filings: drafts, documents, signing, submission and withdrawal of both procedures. */
@Module({
  imports: [IdentityApiModule, CaseLifecycleModule, BenefitRecordsModule],
  controllers: [
    CreateDraftController,
    ViewDraftController,
    UpdateDraftController,
    AttachDocumentController,
    RemoveDocumentController,
    RequestSigningCodeController,
    SubmitFilingController,
    WithdrawFilingController,
    // Last: it answers only what the procedures' routes did not match.
    UnknownProcedureController,
  ],
  providers: [
    FilingDrafts,
    CreateDraftHandler,
    ViewDraftHandler,
    UpdateDraftHandler,
    AttachDocumentHandler,
    RemoveDocumentHandler,
    RequestFilingSigningCodeHandler,
    SubmitFilingHandler,
    WithdrawFilingHandler,
  ],
})
export class FilingModule {}
