import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MAX_TOTAL_ATTACHMENT_BYTES, totalSize } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { ReceivedUpload, receiveUpload } from '@expediente/infra/blobs/multipart-upload';
import { AuthGuard } from '../identity/auth.guard';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { SigningCodeService } from '../identity/signing-code.service';
import { ApiProblem } from '../problem/api-problem';
import { uuidParam } from '../problem/uuid-param';
import { blobHashParam } from '../problem/blob-hash-param';
import { FilingService } from './filing.service';
import { CaseWithdrawal } from '../case-lifecycle/case-withdrawal.service';
import { FILING_PROCEDURES, FilingProcedure } from './procedures';
import { parseBody, parseIfMatch, requests, submitRequest, withdrawRequest } from './filing.requests';
import { DocumentUpload, ZodBody } from '../problem/zod-body.decorator';
import { RateLimited } from '../rate-limit/rate-limit.guard';

const procedureOf = (slug: string): FilingProcedure => {
  // Own keys only: "constructor" or "__proto__" in the path must not find Object's.
  const procedure = Object.hasOwn(FILING_PROCEDURES, slug)
    ? FILING_PROCEDURES[slug as FilingProcedure['slug']]
    : undefined;
  if (!procedure) {
    throw new ApiProblem(404, 'UNKNOWN_PROCEDURE', 'Unknown procedure', `There is no procedure "${slug}".`, {
      procedures: Object.keys(FILING_PROCEDURES),
    });
  }
  return procedure;
};

/** The electronic register: drafts, documents, signing and submission of both filings. */
@ApiTags('filings')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('filings/:procedure')
export class FilingController {
  constructor(
    private readonly filings: FilingService,
    private readonly signing: SigningCodeService,
    private readonly withdrawal: CaseWithdrawal,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post()
  @ZodBody(requests['medical-reports'].create, requests['entitlement-applications'].create)
  async createDraft(
    @Param('procedure') slug: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const procedure = procedureOf(slug);
    const data: Record<string, unknown> = parseBody<Record<string, unknown>>(
      requests[procedure.slug].create,
      body,
    );
    const draft = await this.filings.createDraft(procedure, principal, data);
    res
      .status(201)
      .setHeader('ETag', `"${draft.version}"`)
      .setHeader('Location', `/filings/${slug}/${draft.caseId}`);
    return draft;
  }

  @Get(':caseId')
  async view(
    @Param('procedure') slug: string,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const filing = await this.filings.view(procedureOf(slug), principal, caseId);
    res.setHeader('ETag', `"${filing.version}"`);
    return filing;
  }

  @Patch(':caseId')
  @ZodBody(requests['medical-reports'].update, requests['entitlement-applications'].update)
  async update(
    @Param('procedure') slug: string,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const procedure = procedureOf(slug);
    const data = parseBody<Record<string, unknown>>(requests[procedure.slug].update, body);
    const draft = await this.filings.decideOnDraft(
      procedure,
      principal,
      caseId,
      'update',
      data,
      parseIfMatch(ifMatch),
    );
    res.setHeader('ETag', `"${draft.version}"`);
    return draft;
  }

  @Post(':caseId/attachments')
  @HttpCode(201)
  @DocumentUpload()
  @RateLimited('upload')
  async attach(
    @Param('procedure') slug: string,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Req() req: Request,
    @CurrentPrincipal() principal: Principal,
  ) {
    const procedure = procedureOf(slug);
    const held = totalSize(await this.filings.attachmentsOf(procedure, principal, caseId));
    const attachmentOf = (upload: ReceivedUpload) => ({
      blobHash: upload.blobHash,
      filename: upload.filename,
      contentType: upload.contentType,
      size: upload.size,
      kind: upload.kind ?? defaultKind(procedure),
    });
    // The domain judges the document (kind, duplicate, total) before its blob is kept.
    const upload = await receiveUpload(req, this.blobs, {
      maxBytes: Math.max(0, MAX_TOTAL_ATTACHMENT_BYTES - held),
      heldBytes: held,
      accept: (received) =>
        this.filings.wouldDecide(procedure, principal, caseId, 'attach', {
          attachment: attachmentOf(received),
        }),
    });
    const attachment = attachmentOf(upload);
    try {
      const result = await this.filings.decideOnDraft(procedure, principal, caseId, 'attach', { attachment });
      return { ...result, attachment };
    } catch (error) {
      // The draft changed since `accept` (a concurrent attach): the blob this upload added names nothing.
      await upload.abandon();
      throw error;
    }
  }

  @Delete(':caseId/attachments/:blobHash')
  removeAttachment(
    @Param('procedure') slug: string,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('blobHash', blobHashParam('blobHash')) blobHash: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.filings.decideOnDraft(procedureOf(slug), principal, caseId, 'remove', { blobHash });
  }

  @Post(':caseId/signing-code')
  @HttpCode(202)
  async requestSigningCode(
    @Param('procedure') slug: string,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.filings.view(procedureOf(slug), principal, caseId);
    return this.signing.requestCode(principal, `sign:${caseId}`);
  }

  @Post(':caseId/submission')
  @ZodBody(submitRequest)
  @RateLimited('submission')
  async submit(
    @Param('procedure') slug: string,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!key || !/^[\w-]{8,128}$/.test(key)) {
      throw new ApiProblem(
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
        'Idempotency-Key required',
        'Send an Idempotency-Key header (8–128 letters, digits, - or _) so a resubmission can never file twice.',
      );
    }
    const { receipt, replayed } = await this.filings.submit(
      procedureOf(slug),
      principal,
      caseId,
      key,
      parseBody(submitRequest, body),
    );
    res.status(replayed ? 200 : 201);
    // The proof of receipt is rendered by the worker; GET /cases/{id} shows when it is ready.
    return {
      ...receipt,
      links: {
        status: `/cases/${caseId}`,
        receipt: `/cases/${caseId}/receipt`,
        verify: `/verify/${receipt.receiptCsv}`,
      },
    };
  }

  /** Withdraws the whole case, its review included (CaseWithdrawal). */
  @Post(':caseId/withdrawal')
  @ZodBody(withdrawRequest)
  async withdraw(
    @Param('procedure') slug: string,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    const procedure = procedureOf(slug);
    await this.filings.view(procedure, principal, caseId);
    const { reason } = parseBody(withdrawRequest, body);
    const withdrawn = await this.withdrawal.withdraw(principal, caseId, procedure.procedure, reason);
    return { caseId, version: withdrawn.filingVersion! };
  }
}

function defaultKind(procedure: FilingProcedure): string {
  return procedure.slug === 'medical-reports' ? 'medical-report' : 'supporting-document';
}
