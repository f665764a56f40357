import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem, asProblem, WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import {
  forwardMultipart,
  isUuid,
  problemOf,
  problemText,
  sendAssuranceTooLow,
  sendNotFound,
} from './citizen-pages';

const BLOB_HASH = /^[0-9a-f]{64}$/;

interface AnswerForm {
  readonly action?: string;
  readonly statement?: string;
  readonly signingCode?: string;
}

/** Which field of the answer page a refusal belongs to, so the error summary links to it. */
function fieldOf(code: string): string {
  if (code.startsWith('SIGNING_CODE') || code === 'SIGNATURE_OTP_REQUIRED' || code === 'NO_REGISTERED_MOBILE')
    return 'signingCode';
  if (code === 'INFORMATION_REQUIRED' || code === 'UNSAFE_TEXT' || code === 'VALIDATION_FAILED')
    return 'statement';
  if (code === 'NOT_AWAITING_INFORMATION' || code.startsWith('CASE_ALREADY') || code === 'ALREADY_WITHDRAWN')
    return 'statement';
  return 'file';
}

/**
 * The citizen's answer to an information request: what is asked and by when, documents
 * uploaded one at a time (a plain multipart form, streamed to the API), a note, and the
 * signature — an SMS code for Cl@ve permanente, none for a certificate — then the answer is sent.
 */
@Controller('citizen/cases/:caseId/information')
export class InformationController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get()
  async show(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Query('uploaded') uploaded: unknown,
    @Query('removed') removed: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(caseId)) return sendNotFound(res, web);
    const restored = await this.sessions.restored(req, res);
    const notice = restored
      ? web.t('session.restored')
      : typeof uploaded === 'string' && uploaded.length <= 255
        ? web.t('citizen.answer.uploaded', { name: uploaded })
        : removed === '1'
          ? web.t('citizen.answer.removed')
          : undefined;
    await this.page(web, req, res, caseId, { statement: restored?.statement }, [], { notice });
  }

  /** Multipart: the CSRF token rides in the query (?_csrf=), since the body is not parsed before the check. */
  @Post('documents')
  async upload(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(caseId)) return sendNotFound(res, web);
    if (!req.is('multipart/form-data'))
      return this.page(web, req, res, caseId, {}, [{ field: 'file', text: web.t('citizen.answer.noFile') }]);
    // The API may refuse a file too large before reading it all and close the connection.
    const answer = await forwardMultipart(
      this.api.baseUrl,
      web,
      `/reviews/${caseId}/information/documents`,
      req,
    ).catch(() => undefined);
    if (!answer)
      return this.page(web, req, res, caseId, {}, [
        { field: 'file', text: web.t('citizen.answer.uploadFailed') },
      ]);
    if (answer.ok) {
      const body = (await answer.json()) as { document?: { filename?: string } };
      const name = body.document?.filename ?? '';
      return void res.redirect(
        303,
        `/citizen/cases/${caseId}/information?uploaded=${encodeURIComponent(name)}`,
      );
    }
    const problem = await problemOf(answer);
    if (problem.code === 'LEVEL_OF_ASSURANCE_TOO_LOW')
      return sendAssuranceTooLow(res, web, problem, `/citizen/cases/${caseId}/information`);
    if (problem.status === 404) return sendNotFound(res, web);
    const text = problem.code === 'NO_FILE' ? web.t('citizen.answer.noFile') : problemText(web, problem);
    return this.page(web, req, res, caseId, {}, [{ field: 'file', text }]);
  }

  @Post('documents/:blobHash/remove')
  async remove(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Param('blobHash') blobHash: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(caseId) || !BLOB_HASH.test(blobHash)) return sendNotFound(res, web);
    const { error, response } = await this.api
      .for(web)
      .DELETE('/reviews/{caseId}/information/documents/{blobHash}', {
        params: { path: { caseId, blobHash } },
      });
    if (error && response.status !== 404) {
      const problem = asProblem(error, response.status);
      return this.page(web, req, res, caseId, {}, [{ field: 'file', text: problemText(web, problem) }]);
    }
    res.redirect(303, `/citizen/cases/${caseId}/information?removed=1`);
  }

  @Post()
  async answer(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Body() form: AnswerForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(caseId)) return sendNotFound(res, web);
    const api = this.api.for(web);
    const statement = typeof form.statement === 'string' ? form.statement.trim() : '';
    if (form.action === 'code') {
      const { data, error, response } = await api.POST('/reviews/{caseId}/information/signing-code', {
        params: { path: { caseId } },
      });
      if (!data) return this.refused(web, req, res, caseId, { statement }, asProblem(error, response.status));
      return this.page(web, req, res, caseId, { statement }, [], {
        notice: web.t('citizen.signing.sent', { to: data.sentTo }),
      });
    }
    const code = typeof form.signingCode === 'string' ? form.signingCode.replace(/\s/g, '') : '';
    if (code !== '' && !/^\d{6}$/.test(code))
      return this.page(web, req, res, caseId, { statement }, [
        { field: 'signingCode', text: web.t('citizen.signing.codeFormat') },
      ]);
    const listed = await api.GET('/reviews/{caseId}/information/documents', {
      params: { path: { caseId } },
    });
    const documents = listed.data?.documents.map((d) => d.blobHash) ?? [];
    if (statement === '' && documents.length === 0)
      return this.page(web, req, res, caseId, { statement }, [
        { field: 'statement', text: web.t('citizen.answer.empty') },
      ]);
    const { data, error, response } = await api.POST('/reviews/{caseId}/information', {
      params: { path: { caseId } },
      body: {
        ...(statement && { statement }),
        documents,
        ...(code && { signingCode: code }),
      },
    });
    if (!data) return this.refused(web, req, res, caseId, { statement }, asProblem(error, response.status));
    res.redirect(303, `/citizen/cases/${caseId}?sent=1`);
  }

  private refused(
    web: WebContext,
    req: Request,
    res: Response,
    caseId: string,
    form: AnswerForm,
    problem: ApiProblem & { facts?: unknown },
  ): Promise<void> {
    if (problem.code === 'LEVEL_OF_ASSURANCE_TOO_LOW') {
      sendAssuranceTooLow(res, web, problem, `/citizen/cases/${caseId}/information`);
      return Promise.resolve();
    }
    if (problem.status === 404) {
      sendNotFound(res, web);
      return Promise.resolve();
    }
    return this.page(web, req, res, caseId, form, [
      { field: fieldOf(problem.code), text: problemText(web, problem) },
    ]);
  }

  private async page(
    web: WebContext,
    req: Request,
    res: Response,
    caseId: string,
    form: AnswerForm,
    errors: FieldError[],
    extra: { notice?: string } = {},
  ): Promise<void> {
    const api = this.api.for(web);
    const [status, documents] = await Promise.all([
      api.GET('/cases/{caseId}', { params: { path: { caseId }, query: { lang: web.lang } } }),
      api.GET('/reviews/{caseId}/information/documents', { params: { path: { caseId } } }),
    ]);
    if (!status.data) {
      if (status.response.status === 403) return sendAssuranceTooLow(res, web, status.error, req.originalUrl);
      return sendNotFound(res, web);
    }
    const level = web.session?.principal.levelOfAssurance;
    sendPage(
      res,
      web,
      'citizen/information',
      {
        caseId,
        case: status.data,
        request: status.data.informationRequest,
        documents: (documents.data?.documents ?? []).map((d) => ({
          ...d,
          kb: Math.max(1, Math.round(d.size / 1024)),
        })),
        remainingMb: ((documents.data?.remainingBytes ?? 0) / 1_048_576).toFixed(1),
        needsCode: level === 'clave-permanente',
        values: form,
      },
      {
        title: 'citizen.answer.title',
        back: `/citizen/cases/${caseId}`,
        errors,
        notice: extra.notice,
        status: errors.length > 0 ? 422 : 200,
      },
    );
  }
}
