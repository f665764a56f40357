import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { FilingApi, isSlug, Slug, SLUGS } from './filing-api';
import { errorsOf, FieldOf, fieldOfBody, provinceOptions, rootOf, sendNotFound } from './filing-pages';

const PROCEDURE_SLUG: Readonly<Record<string, Slug>> = {
  'medical-report-submission': 'medical-reports',
  'entitlement-application': 'entitlement-applications',
};

/** Fields of the first pages: who the filing is for, then what the API needs to create the draft. */
export const detailsFields: FieldOf = (path) => {
  switch (rootOf(path)) {
    case 'benefitRequestRef':
      return { id: 'benefitRequestRef', message: 'filing.ref.error' };
    case 'provinceCode':
      return { id: 'provinceCode', message: 'filing.province.error' };
    default:
      return undefined;
  }
};
const whoFields: FieldOf = (path) =>
  rootOf(path) === 'subject' ? { id: 'subject', message: 'filing.who.error.subject' } : undefined;

/**
 * The start of a filing: the person's drafts, the procedure, in whose name, then the first
 * answers the API needs to keep a draft (from then on every step is saved server-side).
 */
@Controller('citizen/filings')
export class FilingStartController {
  constructor(
    @Inject(WebApi) private readonly webApi: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get()
  async list(@Web() web: WebContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['citizen']);
    if (!session) return;
    const cases = await new FilingApi(web, this.webApi).myCases();
    const drafts = cases.ok
      ? cases.value.items
          .filter((c) => c.status === 'draft' && c.filer === session.principal.subject)
          .flatMap((c) => {
            const slug = PROCEDURE_SLUG[c.procedure];
            return slug
              ? [
                  {
                    procedure: web.t(`filing.procedure.${slug}`),
                    subject: c.subject,
                    updatedAt: c.updatedAt,
                    href: `/citizen/filings/${slug}/${c.caseId}/check`,
                  },
                ]
              : [];
          })
      : [];
    const errors = cases.ok ? [] : [{ field: 'drafts', text: web.t('filing.error.unreachable') }];
    sendPage(
      res,
      web,
      'citizen-filing/list',
      { drafts },
      { title: 'filing.list.title', errors, status: 200 },
    );
  }

  @Get('new')
  async choose(@Web() web: WebContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const restored = await this.sessions.restored(req, res);
    this.sendChoose(res, web, restored?.procedure, [], restored && web.t('session.restored'));
  }

  @Post('new')
  async chosen(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const procedure = fieldOfBody(body, 'procedure');
    if (!isSlug(procedure))
      return this.sendChoose(res, web, undefined, [{ field: 'procedure', text: web.t('filing.new.error') }]);
    res.redirect(303, `/citizen/filings/new/${procedure}`);
  }

  @Get('new/:slug')
  async who(@Web() web: WebContext, @Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    if (!isSlug(slug)) return sendNotFound(res, web);
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const restored = await this.sessions.restored(req, res);
    this.sendWho(res, web, slug, restored ?? {}, [], restored && web.t('session.restored'));
  }

  @Post('new/:slug')
  async answeredWho(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ): Promise<void> {
    if (!isSlug(slug)) return sendNotFound(res, web);
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const values = {
      as: fieldOfBody(body, 'as'),
      subject: fieldOfBody(body, 'subject')?.trim(),
      via: fieldOfBody(body, 'via'),
    };
    const errors: FieldError[] = [];
    if (values.as !== 'own' && values.as !== 'representative')
      errors.push({ field: 'as', text: web.t('filing.who.error.as') });
    if (values.as === 'representative') {
      if (!values.subject) errors.push({ field: 'subject', text: web.t('filing.who.error.subject') });
      if (values.via !== 'power' && values.via !== 'document')
        errors.push({ field: 'via', text: web.t('filing.who.error.via') });
    }
    if (errors.length > 0) return this.sendWho(res, web, slug, values, errors);
    const query =
      values.as === 'representative' && values.subject
        ? `?${new URLSearchParams({ for: values.subject.slice(0, 32), via: values.via ?? '' }).toString()}`
        : '';
    res.redirect(303, `/citizen/filings/new/${slug}/details${query}`);
  }

  @Get('new/:slug/details')
  async details(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (!isSlug(slug)) return sendNotFound(res, web);
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const restored = await this.sessions.restored(req, res);
    const values = restored ?? { for: fieldOfBody(query, 'for') ?? '', via: fieldOfBody(query, 'via') ?? '' };
    this.sendDetails(res, web, slug, values, [], restored && web.t('session.restored'));
  }

  @Post('new/:slug/details')
  async create(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ): Promise<void> {
    if (!isSlug(slug)) return sendNotFound(res, web);
    const session = await this.sessions.require(web, req, res, ['citizen']);
    if (!session) return;
    const values = {
      for: fieldOfBody(body, 'for') ?? '',
      via: fieldOfBody(body, 'via') ?? '',
      benefitRequestRef: fieldOfBody(body, 'benefitRequestRef') ?? '',
      provinceCode: fieldOfBody(body, 'provinceCode') ?? '',
    };
    const subject = values.for || session.principal.subject;
    const api = new FilingApi(web, this.webApi);
    const created =
      slug === 'medical-reports'
        ? await api.createReports({
            subject,
            benefitRequestRef: values.benefitRequestRef,
            provinceCode: values.provinceCode,
          })
        : await api.createEntitlement({ subject, provinceCode: values.provinceCode });
    if (created.ok)
      return res.redirect(
        303,
        `/citizen/filings/${slug}/${created.value.caseId}/${slug === 'medical-reports' ? 'documents' : 'beneficiaries'}`,
      );
    const errors = errorsOf(
      web,
      created.refusal,
      (path) => detailsFields(path) ?? whoFields(path),
      'provinceCode',
    );
    // Who the filing is for was asked on the page before: its refusals (a DNI that is not one,
    // Cl@ve móvil acting for someone else) are shown there, on that answer.
    const aboutWho = errors.filter((e) => e.field === 'subject');
    if (aboutWho.length > 0)
      return this.sendWho(
        res,
        web,
        slug,
        { as: values.for ? 'representative' : 'own', subject: values.for, via: values.via },
        aboutWho.map((e) => ({ ...e, field: values.for ? 'subject' : 'as' })),
      );
    this.sendDetails(res, web, slug, values, errors);
  }

  private sendChoose(
    res: Response,
    web: WebContext,
    chosen: string | undefined,
    errors: FieldError[],
    notice?: string,
  ) {
    const items = SLUGS.map((slug) => ({
      value: slug,
      label: web.t(`filing.procedure.${slug}`),
      hint: web.t(`filing.new.${slug}.hint`),
      checked: chosen === slug,
    }));
    sendPage(
      res,
      web,
      'citizen-filing/new',
      { items },
      { title: 'filing.new.title', errors, notice, back: '/citizen/filings' },
    );
  }

  private sendWho(
    res: Response,
    web: WebContext,
    slug: Slug,
    values: Readonly<Record<string, string | undefined>>,
    errors: FieldError[],
    notice?: string,
  ) {
    const asItems = [
      { value: 'own', label: web.t('filing.who.own'), checked: values.as === 'own' },
      {
        value: 'representative',
        label: web.t('filing.who.representative'),
        hint: web.t('filing.who.representative.hint'),
        checked: values.as === 'representative',
      },
    ];
    const viaItems = ['power', 'document'].map((via) => ({
      value: via,
      label: web.t(`filing.who.via.${via}`),
      hint: web.t(`filing.who.via.${via}.hint`),
      checked: values.via === via,
    }));
    sendPage(
      res,
      web,
      'citizen-filing/who',
      { slug, asItems, viaItems, subject: values.subject, procedure: web.t(`filing.procedure.${slug}`) },
      { title: 'filing.who.title', errors, notice, back: '/citizen/filings/new' },
    );
  }

  private sendDetails(
    res: Response,
    web: WebContext,
    slug: Slug,
    values: Readonly<Record<string, string | undefined>>,
    errors: FieldError[],
    notice?: string,
  ) {
    sendPage(
      res,
      web,
      'citizen-filing/details',
      {
        slug,
        action: `/citizen/filings/new/${slug}/details`,
        reports: slug === 'medical-reports',
        hidden: [
          { name: 'for', value: values.for ?? '' },
          { name: 'via', value: values.via ?? '' },
        ],
        forPerson: values.for,
        benefitRequestRef: values.benefitRequestRef,
        provinces: provinceOptions(values.provinceCode),
        procedure: web.t(`filing.procedure.${slug}`),
      },
      { title: `filing.details.${slug}.title`, errors, notice, back: `/citizen/filings/new/${slug}` },
    );
  }
}
