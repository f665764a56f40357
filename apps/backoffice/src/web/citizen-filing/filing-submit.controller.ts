import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import type { Draft } from './filing-api';
import { DraftLoader } from './draft-loader';
import { draftPath, errorsOf, FieldOf, fieldOfBody, sendNotFound, timeOf } from './filing-pages';

const codeFields: FieldOf = (path) =>
  path === 'signingCode' ? { id: 'signingCode', message: 'filing.sign.code.error' } : undefined;
const reasonFields: FieldOf = () => ({ id: 'reason', message: 'filing.withdraw.reason.error' });

/** The page where what a refusal at signing asks for is put right. */
const FIX_STEP: Readonly<Record<string, string>> = {
  MEDICAL_REPORT_REQUIRED: 'documents',
  APPLICATION_FORM_REQUIRED: 'documents',
  REPRESENTATION_REQUIRED: 'documents',
  ATTACHMENTS_TOO_LARGE: 'documents',
  NO_ACTIVE_BENEFIT_RECORD: 'details',
  BENEFIT_REQUEST_REF_REQUIRED: 'details',
  BENEFICIARY_UNDER_THREE_MONTHS: 'beneficiaries',
  REMARKS_NOT_ALLOWED_WITH_FORM: 'remarks',
};

/** One attempt at submitting one version of a draft: a double click or a resent form files once. */
const idempotencyKeyOf = (draft: Draft) => `web-${draft.caseId}-v${draft.version}`;

/**
 * Signing and submitting (the SMS code for Cl@ve permanente, the Idempotency-Key per draft
 * version), the confirmation with the registry entry, the proof of receipt through the back
 * office, and withdrawal before the decision.
 */
@Controller('citizen/filings/:slug/:caseId')
export class FilingSubmitController {
  constructor(@Inject(DraftLoader) private readonly drafts: DraftLoader) {}

  @Get('sign')
  async sign(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    const sentTo = fieldOfBody(req.query, 'sentTo')?.slice(0, 40);
    const expiresAt = fieldOfBody(req.query, 'expiresAt');
    const notice =
      sentTo && expiresAt
        ? web.t('filing.sign.sent', {
            mobile: sentTo,
            time: timeOf(web, expiresAt),
          })
        : loaded.restored && web.t('session.restored');
    this.sendSign(
      res,
      web,
      loaded.draft,
      loaded.session.principal.levelOfAssurance,
      Boolean(sentTo),
      [],
      notice,
    );
  }

  @Post('sign/code')
  async requestCode(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    const { draft } = loaded;
    const sent = await loaded.api.requestSigningCode(draft.slug, draft.caseId);
    if (!sent.ok) {
      const errors = errorsOf(web, sent.refusal, codeFields, 'send-code');
      return this.sendSign(res, web, draft, loaded.session.principal.levelOfAssurance, false, errors);
    }
    const query = new URLSearchParams({ sentTo: sent.value.sentTo, expiresAt: sent.value.expiresAt });
    res.redirect(303, `${draftPath(draft.slug, draft.caseId, 'sign')}?${query.toString()}`);
  }

  @Post('sign')
  async submit(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId, { editable: false });
    if (!loaded) return;
    const { draft } = loaded;
    const key = fieldOfBody(body, 'attempt') ?? idempotencyKeyOf(draft);
    const code = fieldOfBody(body, 'signingCode')?.trim();
    const submitted = await loaded.api.submit(draft.slug, draft.caseId, key, code || undefined);
    if (submitted.ok) return res.redirect(303, draftPath(draft.slug, draft.caseId, 'confirmation'));
    if (draft.status !== 'draft')
      return res.redirect(303, draftPath(draft.slug, draft.caseId, 'confirmation'));
    const step = FIX_STEP[submitted.refusal.code];
    const errors = errorsOf(web, submitted.refusal, codeFields, step ? 'fix' : 'submit');
    this.sendSign(res, web, draft, loaded.session.principal.levelOfAssurance, true, errors, undefined, step);
  }

  @Get('confirmation')
  async confirmation(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId, { editable: false });
    if (!loaded) return;
    const { draft } = loaded;
    if (draft.status === 'draft') return res.redirect(303, draftPath(draft.slug, draft.caseId, 'sign'));
    const status = await loaded.api.caseStatus(draft.caseId);
    const receipt = status.ok ? status.value.receipt : { status: 'pending', csv: null };
    sendPage(
      res,
      web,
      'citizen-filing/confirmation',
      {
        draft,
        withdrawn: draft.status === 'withdrawn',
        registryEntry: draft.filing?.registryEntry,
        unit: draft.unit?.name,
        csv: receipt.csv,
        receiptReady: receipt.status === 'ready',
        receiptHref: draftPath(draft.slug, draft.caseId, 'receipt'),
        here: draftPath(draft.slug, draft.caseId, 'confirmation'),
        withdrawHref: draftPath(draft.slug, draft.caseId, 'withdraw'),
        caseHref: `/citizen/cases/${draft.caseId}`,
      },
      { title: 'filing.done.title' },
    );
  }

  @Get('receipt')
  async receipt(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId, { editable: false });
    if (!loaded) return;
    const zip = await loaded.api.receipt(caseId);
    if (zip.ok && zip.value.body) {
      res
        .status(200)
        .type('application/zip')
        .setHeader('Content-Disposition', zip.value.headers.get('content-disposition') ?? 'attachment');
      Readable.fromWeb(zip.value.body).pipe(res);
      return;
    }
    // The filing is theirs and submitted (just read): a case the read model does not show yet is
    // as pending as a receipt still rendering.
    if (!zip.ok && ['RECEIPT_PENDING', 'API_UNREACHABLE', 'CASE_NOT_FOUND'].includes(zip.refusal.code)) {
      return sendPage(
        res,
        web,
        'citizen-filing/receipt-pending',
        {
          retry: draftPath(loaded.draft.slug, caseId, 'receipt'),
          back: draftPath(loaded.draft.slug, caseId, 'confirmation'),
        },
        { title: 'filing.receipt.title', status: 200 },
      );
    }
    sendNotFound(res, web);
  }

  @Get('withdraw')
  async confirmWithdrawal(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId, { editable: false });
    if (!loaded) return;
    this.sendWithdraw(
      res,
      web,
      loaded.draft,
      loaded.restored?.reason ?? '',
      [],
      loaded.restored && web.t('session.restored'),
    );
  }

  @Post('withdraw')
  async withdraw(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId, { editable: false });
    if (!loaded) return;
    const { draft } = loaded;
    const reason = fieldOfBody(body, 'reason') ?? '';
    const done = await loaded.api.withdraw(
      draft.slug,
      draft.caseId,
      reason.trim() === '' ? undefined : reason,
    );
    if (done.ok) return res.redirect(303, draftPath(draft.slug, draft.caseId, 'confirmation'));
    this.sendWithdraw(res, web, draft, reason, errorsOf(web, done.refusal, reasonFields, 'reason'));
  }

  private sendSign(
    res: Response,
    web: WebContext,
    draft: Draft,
    levelOfAssurance: string,
    codeSent: boolean,
    errors: FieldError[],
    notice?: string,
    fixStep?: string,
  ): void {
    const path = (step: string) => draftPath(draft.slug, draft.caseId, step);
    sendPage(
      res,
      web,
      'citizen-filing/sign',
      {
        procedure: web.t(`filing.procedure.${draft.slug}`),
        needsCode: levelOfAssurance === 'clave-permanente',
        codeSent,
        codeAction: path('sign/code'),
        submitAction: path('sign'),
        attempt: idempotencyKeyOf(draft),
        fix: fixStep && path(fixStep),
      },
      { title: 'filing.sign.title', errors, notice, back: path('check') },
    );
  }

  private sendWithdraw(
    res: Response,
    web: WebContext,
    draft: Draft,
    reason: string,
    errors: FieldError[],
    notice?: string,
  ) {
    sendPage(
      res,
      web,
      'citizen-filing/withdraw',
      {
        action: draftPath(draft.slug, draft.caseId, 'withdraw'),
        back: draftPath(draft.slug, draft.caseId, 'confirmation'),
        entry: draft.filing?.registryEntry.number,
        reason,
      },
      {
        title: 'filing.withdraw.title',
        errors,
        notice,
        back: draftPath(draft.slug, draft.caseId, 'confirmation'),
      },
    );
  }
}
