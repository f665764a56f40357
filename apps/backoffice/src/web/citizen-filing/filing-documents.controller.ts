import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ACCEPTED_CONTENT_TYPES } from '@expediente/domain';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import type { Draft, Refusal } from './filing-api';
import { DraftLoader, representing } from './draft-loader';
import { documentsOf, draftPath, errorsOf, fieldOfBody, nextStep, previousStep } from './filing-pages';

const KINDS: Readonly<Record<Draft['slug'], readonly string[]>> = {
  'medical-reports': ['medical-report', 'representation'],
  'entitlement-applications': ['application-form', 'supporting-document', 'representation'],
};
/** upload.js fills these in the browser: the texts keep their placeholders. */
const SLOTS = { name: '{name}', size: '{size}', left: '{left}' };
const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff', ...ACCEPTED_CONTENT_TYPES].join(',');

/**
 * The draft's documents: the list with a remove button each, and an upload form that works as a
 * plain multipart post (streamed on to the API's attachments endpoint, never held here) and, with
 * upload.js, checks size and type first and shows the upload's progress.
 */
@Controller('citizen/filings/:slug/:caseId/documents')
export class FilingDocumentsController {
  constructor(@Inject(DraftLoader) private readonly drafts: DraftLoader) {}

  @Get()
  async show(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    const attached = fieldOfBody(req.query, 'attached');
    const removed = fieldOfBody(req.query, 'removed');
    const notice =
      attached !== undefined
        ? web.t('filing.documents.attached', { name: attached.slice(0, 255) })
        : removed !== undefined
          ? web.t('filing.documents.removed', { name: removed.slice(0, 255) })
          : undefined;
    this.send(res, web, loaded.draft, [], notice, fieldOfBody(req.query, 'next') === 'check');
  }

  @Post()
  async upload(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    const { draft, api } = loaded;
    const backToCheck = fieldOfBody(req.query, 'next') === 'check';
    const contentType = req.header('content-type') ?? '';
    const wantsJson = req.accepts(['html', 'json']) === 'json';
    const sent = contentType.startsWith('multipart/form-data')
      ? await api.upload(draft.slug, draft.caseId, req, contentType)
      : ({ ok: false, refusal: { status: 415, code: 'NOT_MULTIPART', detail: '', facts: {} } } as const);
    if (sent.ok) {
      const { attachment } = (await sent.value.json()) as { attachment: { filename: string } };
      const next = `${draftPath(draft.slug, draft.caseId, 'documents')}?${new URLSearchParams({
        attached: attachment.filename,
        ...(backToCheck && { next: 'check' }),
      }).toString()}`;
      if (wantsJson) return void res.status(201).json({ next });
      return res.redirect(303, next);
    }
    // The browser may still be sending what the API refused: let it finish, then answer.
    req.resume();
    const errors = this.uploadErrors(web, sent.refusal);
    if (wantsJson) return void res.status(422).json({ errors });
    const fresh = await api.view(draft.slug, draft.caseId);
    this.send(res, web, fresh.ok ? fresh.value : draft, errors, undefined, backToCheck);
  }

  @Post('remove')
  async remove(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    const { draft, api } = loaded;
    const blobHash = fieldOfBody(body, 'blobHash') ?? '';
    const document = draft.attachments.find((a) => String(a.blobHash) === blobHash);
    if (!document) return res.redirect(303, draftPath(draft.slug, draft.caseId, 'documents'));
    const removed = await api.remove(draft.slug, draft.caseId, blobHash);
    if (!removed.ok) {
      const errors = errorsOf(web, removed.refusal, () => undefined, 'file');
      return this.send(res, web, draft, errors, undefined, false);
    }
    res.redirect(
      303,
      `${draftPath(draft.slug, draft.caseId, 'documents')}?${new URLSearchParams({ removed: document.filename }).toString()}`,
    );
  }

  private uploadErrors(web: WebContext, refusal: Refusal): FieldError[] {
    if (refusal.code === 'NO_FILE' || refusal.code === 'NOT_MULTIPART')
      return [{ field: 'file', text: web.t('filing.documents.error.nofile') }];
    if (refusal.code === 'ATTACHMENT_KIND_NOT_ALLOWED') return [{ field: 'kind', text: refusal.detail }];
    return errorsOf(web, refusal, () => undefined, 'file');
  }

  private send(
    res: Response,
    web: WebContext,
    draft: Draft,
    errors: FieldError[],
    notice: string | undefined,
    backToCheck: boolean,
  ): void {
    const documents = documentsOf(web, draft);
    const query = new URLSearchParams({ _csrf: web.csrf, ...(backToCheck && { next: 'check' }) }).toString();
    sendPage(
      res,
      web,
      'citizen-filing/documents',
      {
        slug: draft.slug,
        procedure: web.t(`filing.procedure.${draft.slug}`),
        lead: web.t(`filing.documents.lead.${draft.slug}`),
        representing: representing(draft) ? draft.subject : undefined,
        documents,
        uploadAction: `${draftPath(draft.slug, draft.caseId, 'documents')}?${query}`,
        removeAction: draftPath(draft.slug, draft.caseId, 'documents/remove'),
        accept: ACCEPT,
        kinds: KINDS[draft.slug].map((kind, i) => ({
          value: kind,
          label: web.t(`filing.kind.${kind}`),
          selected: i === 0,
        })),
        next: nextStep(draft.slug, draft.caseId, 'documents', backToCheck),
        texts: {
          type: web.t('filing.documents.error.type', SLOTS),
          size: web.t('filing.documents.error.size', SLOTS),
          nofile: web.t('filing.documents.error.nofile'),
          failed: web.t('filing.documents.error.failed'),
          summary: web.t('errors.summaryTitle'),
        },
      },
      {
        title: 'filing.documents.title',
        errors,
        notice,
        back: previousStep(draft.slug, draft.caseId, 'documents'),
      },
    );
  }
}
