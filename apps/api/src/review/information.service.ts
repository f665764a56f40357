import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import {
  caseReviewDecider,
  IllegalState,
  MAX_TOTAL_ATTACHMENT_BYTES,
  totalSize,
  type ProvideInformation,
  type ProvidedAttachment,
  type ProvidedAttachmentKind,
} from '@expediente/domain';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { ReceivedUpload, receiveUpload } from '@expediente/infra/blobs/multipart-upload';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { InformationDrafts } from '@expediente/infra/review-queue/information-drafts';
import { SigningCodeService } from '../identity/signing-code.service';
import { metadataFor } from '../commands/command-context';
import { ApiProblem } from '../problem/api-problem';
import { CaseWithdrawal, filingProcedureOf } from '../case-lifecycle/case-withdrawal.service';
import { isParty, reviewNotFound, ReviewOutcome, ReviewService } from './review.service';

/** What a code sent for this purpose confirms: the answer to this case's information request. */
const purposeOf = (caseId: string) => `inform:${caseId}`;

/**
 * The citizen's side of a review: documents for an answer (kept as a server-side draft until
 * sent), the signed answer itself, and withdrawal. Only the case's filer or subject reach it.
 */
@Injectable()
export class InformationService {
  constructor(
    private readonly reviews: ReviewService,
    private readonly drafts: InformationDrafts,
    private readonly signing: SigningCodeService,
    private readonly withdrawal: CaseWithdrawal,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /** Nothing is read into the blob store unless the case is waiting for this person's answer. */
  async upload(principal: Principal, caseId: string, req: Request) {
    await this.awaitingAnswerFrom(principal, caseId);
    const pending = await this.drafts.list(caseId, principal.subject);
    const documentOf = (upload: ReceivedUpload): ProvidedAttachment => ({
      blobHash: upload.blobHash,
      filename: upload.filename,
      contentType: upload.contentType,
      size: upload.size,
      kind: (upload.kind ?? 'supporting-document') as ProvidedAttachmentKind,
    });
    const upload = await receiveUpload(req, this.blobs, {
      maxBytes: Math.max(0, MAX_TOTAL_ATTACHMENT_BYTES - totalSize(pending)),
      heldBytes: totalSize(pending),
      // The domain's document rules (kind, duplicates, 10 MB in all), before the blob is kept.
      accept: async (received) => {
        await this.rulesBeforeSigning(principal, caseId, { attachments: [...pending, documentOf(received)] });
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

  async documents(principal: Principal, caseId: string) {
    await this.partyReview(principal, caseId);
    const documents = await this.drafts.list(caseId, principal.subject);
    return { documents, remainingBytes: MAX_TOTAL_ATTACHMENT_BYTES - totalSize(documents) };
  }

  async removeDocument(principal: Principal, caseId: string, blobHash: string): Promise<void> {
    await this.partyReview(principal, caseId);
    if ((await this.drafts.remove(caseId, principal.subject, [blobHash.toLowerCase()])) === 0) {
      throw new ApiProblem(
        404,
        'DOCUMENT_NOT_FOUND',
        'Document not found',
        'There is no such uploaded document.',
        {
          blobHash,
        },
      );
    }
  }

  async requestSigningCode(principal: Principal, caseId: string) {
    await this.awaitingAnswerFrom(principal, caseId);
    return this.signing.requestCode(principal, purposeOf(caseId));
  }

  /** Every rule first, then the SMS code is spent, then the answer is appended at the version checked. */
  async provide(
    principal: Principal,
    caseId: string,
    body: { statement?: string; documents: readonly string[]; signingCode?: string },
  ): Promise<ReviewOutcome> {
    await this.awaitingAnswerFrom(principal, caseId);
    const pending = await this.drafts.list(caseId, principal.subject);
    const attachments = body.documents.map(
      (hash) => pending.find((document) => document.blobHash === hash) ?? throwNotUploaded(hash),
    );
    const answer = { statement: body.statement, attachments };
    // Without a code, Cl@ve permanente gets the domain's own refusal (SIGNATURE_OTP_REQUIRED).
    const signed = principal.levelOfAssurance !== 'clave-permanente' || body.signingCode !== undefined;
    const version = await this.rulesBeforeSigning(principal, caseId, answer, signed);
    if (principal.levelOfAssurance === 'clave-permanente') {
      await this.signing.confirm(principal, purposeOf(caseId), body.signingCode!);
    }
    const outcome = await this.reviews.run(caseId, this.command(principal, caseId, answer, true), version);
    await this.drafts.remove(caseId, principal.subject, body.documents);
    return outcome;
  }

  /** The whole case's withdrawal (CaseWithdrawal): the review's, then the filing's. */
  async withdraw(principal: Principal, caseId: string, reason: string | undefined): Promise<ReviewOutcome> {
    const { review } = await this.partyReview(principal, caseId);
    const withdrawn = await this.withdrawal.withdraw(principal, caseId, filingProcedureOf(review), reason);
    return { caseId, ...withdrawn.review! };
  }

  private command(
    principal: Principal,
    caseId: string,
    answer: { statement?: string; attachments: readonly ProvidedAttachment[] },
    otpVerified: boolean,
  ): ProvideInformation {
    return {
      type: 'ProvideInformation',
      data: { caseId, ...answer, otpVerified },
      metadata: metadataFor(principal),
    };
  }

  /** The domain's decision on the answer, nothing stored; returns the version it was checked at. */
  private async rulesBeforeSigning(
    principal: Principal,
    caseId: string,
    answer: { statement?: string; attachments: readonly ProvidedAttachment[] },
    signed = true,
  ): Promise<number> {
    const { review, version } = await this.partyReview(principal, caseId);
    caseReviewDecider.decide(this.command(principal, caseId, answer, signed), review);
    return version;
  }

  private async awaitingAnswerFrom(principal: Principal, caseId: string) {
    const { review } = await this.partyReview(principal, caseId);
    if (review.status !== 'awaiting-citizen') {
      // The domain's refusal for an answer nobody asked for (provideInformation).
      throw new IllegalState('NOT_AWAITING_INFORMATION', 'No information has been requested for this case.', {
        caseId,
      });
    }
  }

  private async partyReview(principal: Principal, caseId: string) {
    const { review, version } = await this.reviews.load(caseId);
    if (!review || !isParty(principal, review)) throw reviewNotFound(caseId);
    return { review, version: version! };
  }
}

function throwNotUploaded(blobHash: string): never {
  throw new ApiProblem(
    422,
    'DOCUMENT_NOT_UPLOADED',
    'Document not uploaded',
    'Upload each document (POST …/information/documents) before naming it in the answer.',
    { blobHash },
  );
}
