import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Request } from 'express';
import {
  caseReviewDecider,
  MAX_TOTAL_ATTACHMENT_BYTES,
  totalSize,
  type ProvidedAttachment,
  type ProvidedAttachmentKind,
} from '@expediente/domain';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { ReceivedUpload, receiveUpload } from '@expediente/infra/blobs/multipart-upload';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { InformationDrafts } from '@expediente/infra/review-queue/information-drafts';
import { Reviews } from '../review.shared';
import { provideInformationCommand } from '../information.shared';
import type { UploadedInformationDocument } from './upload-information-document.schema';

export class UploadInformationDocument extends Command<UploadedInformationDocument> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly request: Request,
  ) {
    super();
  }
}

const documentOf = (upload: ReceivedUpload): ProvidedAttachment => ({
  blobHash: upload.blobHash,
  filename: upload.filename,
  contentType: upload.contentType,
  size: upload.size,
  kind: (upload.kind ?? 'supporting-document') as ProvidedAttachmentKind,
});

/** Nothing is read into the blob store unless the case is waiting for this person's answer. */
@CommandHandler(UploadInformationDocument)
export class UploadInformationDocumentHandler implements ICommandHandler<UploadInformationDocument> {
  constructor(
    private readonly reviews: Reviews,
    private readonly drafts: InformationDrafts,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({
    principal,
    caseId,
    request,
  }: UploadInformationDocument): Promise<UploadedInformationDocument> {
    await this.reviews.awaitingAnswerFrom(principal, caseId);
    const pending = await this.drafts.list(caseId, principal.subject);
    const upload = await receiveUpload(request, this.blobs, {
      maxBytes: Math.max(0, MAX_TOTAL_ATTACHMENT_BYTES - totalSize(pending)),
      heldBytes: totalSize(pending),
      // The domain's document rules (kind, duplicates, 10 MB in all), before the blob is kept.
      accept: async (received) => {
        const { review } = await this.reviews.forParty(principal, caseId);
        const attachments = [...pending, documentOf(received)];
        caseReviewDecider.decide(provideInformationCommand(principal, caseId, { attachments }, true), review);
      },
    });
    const document = documentOf(upload);
    try {
      await this.drafts.add(caseId, principal.subject, document);
    } catch (error) {
      await upload.abandon();
      throw error;
    }
    const documents = [...pending, document];
    return { document, documents, remainingBytes: MAX_TOTAL_ATTACHMENT_BYTES - totalSize(documents) };
  }
}
