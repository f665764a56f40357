import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formatCsv, normalizeCsv } from '@expediente/infra/receipts/csv';
import { asProblem, WebApi } from '../api-client';
import { sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { fetchBytes, sendNotFound, streamTo } from './citizen-pages';

/** As printed (four groups of four) or typed in lower case; anything else is no CSV. */
const typedCsv = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length <= 64 ? normalizeCsv(value) : undefined;

/**
 * Public pages, no session: checking a document by its verification code (CSV) against the
 * office's records — what it is, when and where, whether the original's hash matches, and the
 * original and its seal to download — and the accessibility statement.
 */
@Controller()
export class PublicPagesController {
  constructor(@Inject(WebApi) private readonly api: WebApi) {}

  @Get('verify')
  async verify(@Web() web: WebContext, @Query('csv') typed: unknown, @Res() res: Response): Promise<void> {
    if (typed === undefined) return sendPage(res, web, 'public/verify', {}, { title: 'verify.title' });
    const csv = typedCsv(typed);
    const value = typeof typed === 'string' ? typed.slice(0, 64) : '';
    if (!csv)
      return sendPage(
        res,
        web,
        'public/verify',
        { value },
        { title: 'verify.title', errors: [{ field: 'csv', text: web.t('verify.error.format') }] },
      );
    const { data, error, response } = await this.api.for(web).GET('/verify/{csv}', {
      params: { path: { csv } },
    });
    if (!data) {
      if (response.status === 404)
        return sendPage(
          res,
          web,
          'public/verify-unknown',
          { csv: formatCsv(csv) },
          { title: 'verify.unknown.title', status: 404, back: '/verify' },
        );
      throw new Error(`verifyDocument: ${asProblem(error, response.status).code}`);
    }
    const original = await fetchBytes(this.api.baseUrl, web, `/verify/${csv}/document.pdf`);
    const sha256 = original.ok
      ? createHash('sha256')
          .update(Buffer.from(await original.arrayBuffer()))
          .digest('hex')
      : undefined;
    const facts = data.facts ?? {};
    const unit = typeof facts.addresseeUnit === 'string' ? facts.addresseeUnit : undefined;
    sendPage(
      res,
      web,
      'public/verify-result',
      {
        csv,
        grouped: formatCsv(csv),
        kind: data.kind === 'proof-of-receipt' ? 'proof-of-receipt' : 'resolution',
        date: data.registryEntry?.registeredAt ?? data.issuedAt,
        registryNumber: data.registryEntry?.number,
        unit,
        pdfSha256: data.pdfSha256,
        matches: sha256 === data.pdfSha256,
      },
      { title: 'verify.result.title', back: '/verify' },
    );
  }

  @Get('verify/:csv/document.pdf')
  async original(@Web() web: WebContext, @Param('csv') typed: string, @Res() res: Response): Promise<void> {
    const csv = typedCsv(typed);
    if (!csv) return sendNotFound(res, web);
    const answer = await fetchBytes(this.api.baseUrl, web, `/verify/${csv}/document.pdf`);
    if (!answer.ok) return sendNotFound(res, web);
    await streamTo(res, answer, `inline; filename="documento-${csv}.pdf"`);
  }

  @Get('verify/:csv/document.pdf.p7s')
  async seal(@Web() web: WebContext, @Param('csv') typed: string, @Res() res: Response): Promise<void> {
    const csv = typedCsv(typed);
    if (!csv) return sendNotFound(res, web);
    const answer = await fetchBytes(this.api.baseUrl, web, `/verify/${csv}/document.pdf.p7s`);
    if (!answer.ok) return sendNotFound(res, web);
    await streamTo(res, answer, `attachment; filename="documento-${csv}.pdf.p7s"`);
  }

  @Get('accessibility')
  accessibility(@Web() web: WebContext, @Res() res: Response): void {
    sendPage(res, web, 'public/accessibility', {}, { title: 'accessibility.title' });
  }
}
