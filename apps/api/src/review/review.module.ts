import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { pdfRendererProvider } from '@expediente/infra/pdf/pdf-renderer.providers';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { InformationDrafts } from '@expediente/infra/review-queue/information-drafts';
import { STAFF_DIRECTORY } from '@expediente/infra/staff/staff-directory.port';
import { staffDirectoryProvider } from '@expediente/infra/staff/staff-directory.providers';
import { IdentityApiModule } from '../identity/identity-api.module';
import { CaseLifecycleModule } from '../case-lifecycle/case-lifecycle.module';
import { Reviews } from './review.shared';
import { UnitCaseDocuments } from './case-documents.shared';
import { ListCaseDocumentsController } from './list-case-documents/list-case-documents.controller';
import { ListCaseDocumentsHandler } from './list-case-documents/list-case-documents.handler';
import { ReadCaseDocumentController } from './read-case-document/read-case-document.controller';
import { ReadCaseDocumentHandler } from './read-case-document/read-case-document.handler';
import { ViewReviewController } from './view-review/view-review.controller';
import { ViewReviewHandler } from './view-review/view-review.handler';
import { AssignReviewerController } from './assign-reviewer/assign-reviewer.controller';
import { AssignReviewerHandler } from './assign-reviewer/assign-reviewer.handler';
import { RequestInformationController } from './request-information/request-information.controller';
import { RequestInformationHandler } from './request-information/request-information.handler';
import { EvaluateCaseController } from './evaluate-case/evaluate-case.controller';
import { EvaluateCaseHandler } from './evaluate-case/evaluate-case.handler';
import { ResolveCaseController } from './resolve-case/resolve-case.controller';
import { ResolveCaseHandler } from './resolve-case/resolve-case.handler';
import { UploadInformationDocumentController } from './upload-information-document/upload-information-document.controller';
import { UploadInformationDocumentHandler } from './upload-information-document/upload-information-document.handler';
import { ListInformationDocumentsController } from './list-information-documents/list-information-documents.controller';
import { ListInformationDocumentsHandler } from './list-information-documents/list-information-documents.handler';
import { RemoveInformationDocumentController } from './remove-information-document/remove-information-document.controller';
import { RemoveInformationDocumentHandler } from './remove-information-document/remove-information-document.handler';
import { RequestInformationSigningCodeController } from './request-information-signing-code/request-information-signing-code.controller';
import { RequestInformationSigningCodeHandler } from './request-information-signing-code/request-information-signing-code.handler';
import { ProvideInformationController } from './provide-information/provide-information.controller';
import { ProvideInformationHandler } from './provide-information/provide-information.handler';
import { WithdrawReviewController } from './withdraw-review/withdraw-review.controller';
import { WithdrawReviewHandler } from './withdraw-review/withdraw-review.handler';
import { ViewReviewDeadlinesController } from './view-review-deadlines/view-review-deadlines.controller';
import { ViewReviewDeadlinesHandler } from './view-review-deadlines/view-review-deadlines.handler';
import { PreviewResolutionController } from './preview-resolution/preview-resolution.controller';
import { PreviewResolutionHandler } from './preview-resolution/preview-resolution.handler';

/** The review's use cases: staff of the case's unit, and the citizen answering or withdrawing. */
@Module({
  imports: [IdentityApiModule, CaseLifecycleModule],
  controllers: [
    ViewReviewController,
    AssignReviewerController,
    RequestInformationController,
    EvaluateCaseController,
    ResolveCaseController,
    ListInformationDocumentsController,
    UploadInformationDocumentController,
    RemoveInformationDocumentController,
    RequestInformationSigningCodeController,
    ProvideInformationController,
    WithdrawReviewController,
    ListCaseDocumentsController,
    ReadCaseDocumentController,
    ViewReviewDeadlinesController,
    PreviewResolutionController,
  ],
  providers: [
    Reviews,
    UnitCaseDocuments,
    staffDirectoryProvider,
    {
      provide: InformationDrafts,
      inject: [SQL_CLIENT],
      useFactory: (sql: SqlClient) => new InformationDrafts(sql),
    },
    ViewReviewHandler,
    AssignReviewerHandler,
    RequestInformationHandler,
    EvaluateCaseHandler,
    ResolveCaseHandler,
    UploadInformationDocumentHandler,
    ListInformationDocumentsHandler,
    RemoveInformationDocumentHandler,
    RequestInformationSigningCodeHandler,
    ProvideInformationHandler,
    WithdrawReviewHandler,
    ListCaseDocumentsHandler,
    ReadCaseDocumentHandler,
    ViewReviewDeadlinesHandler,
    // Resolution previews print through the same port as the worker's letters; Chromium starts on the first.
    pdfRendererProvider,
    PreviewResolutionHandler,
  ],
  exports: [STAFF_DIRECTORY, Reviews],
})
export class ReviewModule implements OnApplicationShutdown {
  constructor(@Inject(PDF_RENDERER) private readonly pdf: PdfRenderer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pdf.close();
  }
}
