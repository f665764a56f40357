import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STAFF_DIRECTORY, StaffDirectory } from '@expediente/infra/staff/staff-directory.port';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { sendPage, type FieldError } from '../views';
import { Web, WebContext } from '../web-context';
import { StaffApi, type Resolution, type StaffReview } from './staff-api';
import { changesSince, isConcurrentChange, namesOf, notFound, seenFields, seenOf } from './staff-pages';
import { deadlineRows } from './case.controller';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEMPLATES = ['report', 'tests', 'discharge'] as const;
const OUTCOMES = ['granted', 'partially-granted', 'denied'] as const;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

type Action = 'request-information' | 'evaluate' | 'resolve';
const ALLOWED: Readonly<Record<Action, StaffReview['status']>> = {
  'request-information': 'assigned',
  evaluate: 'assigned',
  resolve: 'evaluated',
};
const TITLE: Readonly<Record<Action, string>> = {
  'request-information': 'staff.request.title',
  evaluate: 'staff.evaluate.title',
  resolve: 'staff.resolve.title',
};

/**
 * Each action on its own page: the form, what it will cause (the due date, the letter) shown
 * before sending, and the version the reviewer saw sent back as If-Match. A change since then
 * is shown as what changed, with the form as they filled it.
 */
@Controller('staff/cases/:caseId')
export class StaffActionsController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
  ) {}

  @Get('request-information')
  requestForm(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
  ) {
    return this.form(web, req, res, caseId, 'request-information');
  }

  @Post('request-information')
  request(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    return this.send(web, req, res, caseId, 'request-information', body);
  }

  @Get('evaluate')
  evaluateForm(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
  ) {
    return this.form(web, req, res, caseId, 'evaluate');
  }

  @Post('evaluate')
  evaluate(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    return this.send(web, req, res, caseId, 'evaluate', body);
  }

  @Get('resolve')
  resolveForm(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
  ) {
    return this.form(web, req, res, caseId, 'resolve');
  }

  @Post('resolve')
  resolve(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    return this.send(web, req, res, caseId, 'resolve', body);
  }

  private async form(web: WebContext, req: Request, res: Response, caseId: string, action: Action) {
    if (!(await this.sessions.require(web, req, res, ['reviewer', 'supervisor']))) return;
    const restored = await this.sessions.restored(req, res);
    await this.render(web, res, caseId, action, restored ?? {}, {
      notice: restored ? web.t('session.restored') : undefined,
    });
  }

  private async send(
    web: WebContext,
    req: Request,
    res: Response,
    caseId: string,
    action: Action,
    body: Record<string, unknown>,
  ) {
    if (!(await this.sessions.require(web, req, res, ['reviewer', 'supervisor']))) return;
    const seen = seenOf(body);
    if (!UUID.test(caseId) || !seen) return notFound(res, web);
    const errors = validate(web, action, body);
    if (errors.length > 0) return this.render(web, res, caseId, action, body, { errors });
    const api = new StaffApi(this.api, web);
    const result =
      action === 'request-information'
        ? await api.requestInformation(caseId, requestedText(web, body), seen.version)
        : action === 'evaluate'
          ? await api.evaluate(caseId, text(body.findings).trim(), seen.version)
          : await api.resolve(caseId, resolutionOf(body), seen.version);
    if (result.ok) {
      const done = { 'request-information': 'requested', evaluate: 'evaluated', resolve: 'resolved' }[action];
      return res.redirect(303, `/staff/cases/${caseId}?done=${done}`);
    }
    const { status, code, detail } = result.problem;
    if (isConcurrentChange(status, code)) {
      const names = await namesOf(this.directory, web.session!.principal.unit ?? '');
      const { changed } = await changesSince(seen, api, caseId, web, names);
      return this.render(web, res, caseId, action, body, { changed, status: 409 });
    }
    if (status === 404) return notFound(res, web);
    return this.render(web, res, caseId, action, body, {
      errors: [{ field: fieldOf(action), text: web.t('staff.error.api', { detail }) }],
    });
  }

  /** The draft letter, inline: the same template and facts the worker will issue it with. */
  @Post('resolve/preview')
  async preview(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    if (!(await this.sessions.require(web, req, res, ['reviewer', 'supervisor']))) return;
    if (!UUID.test(caseId)) return notFound(res, web);
    const errors = validate(web, 'resolve', body);
    if (errors.length > 0) return this.render(web, res, caseId, 'resolve', body, { errors });
    const pdf = await new StaffApi(this.api, web).previewResolution(caseId, resolutionOf(body));
    if (!pdf.ok) {
      if (pdf.problem.status === 404) return notFound(res, web);
      return this.render(web, res, caseId, 'resolve', body, {
        errors: [{ field: 'outcome', text: web.t('staff.error.api', { detail: pdf.problem.detail }) }],
      });
    }
    res.status(200).type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="borrador-${caseId.slice(0, 8)}.pdf"`);
    res.send(pdf.value);
  }

  private async render(
    web: WebContext,
    res: Response,
    caseId: string,
    action: Action,
    values: Readonly<Record<string, unknown>>,
    options: { errors?: FieldError[]; changed?: Record<string, unknown>; status?: number; notice?: string },
  ): Promise<void> {
    if (!UUID.test(caseId)) return notFound(res, web);
    const api = new StaffApi(this.api, web);
    const [found, timeline, deadlines] = await Promise.all([
      api.review(caseId),
      api.timeline(caseId),
      api.deadlines(caseId),
    ]);
    if (!found.ok) return notFound(res, web);
    const review = found.value;
    const allowed = review.status === ALLOWED[action];
    const template = text(values.template);
    const outcome = text(values.outcome);
    sendPage(
      res,
      web,
      `staff/${action}`,
      {
        caseId,
        shortId: caseId.slice(0, 8),
        review,
        allowed,
        // After a change the form stays, so nothing typed is lost, even when the action is no longer possible.
        showForm: allowed || options.changed !== undefined,
        notAllowed: allowed
          ? undefined
          : web.t('staff.notAllowed', { status: web.t(`staff.status.${review.status}`) }),
        seen: seenFields(review, timeline),
        changed: options.changed,
        deadlines: deadlines.ok ? deadlineRows(web, deadlines.value) : undefined,
        values: {
          details: text(values.details),
          findings: text(values.findings),
          grounds: text(values.grounds),
          legalBasis: text(values.legalBasis),
        },
        templates: [
          ...TEMPLATES.map((value) => ({
            value,
            label: web.t(`staff.request.template.${value}`),
            checked: template === value,
          })),
          { value: 'none', label: web.t('staff.request.template.none'), checked: template === 'none' },
        ],
        outcomes: OUTCOMES.map((value) => ({
          value,
          label: web.t(`staff.outcome.${value}`),
          checked: outcome === value,
        })),
      },
      {
        title: options.changed ? 'staff.changed.title' : TITLE[action],
        errors: options.errors,
        notice: options.notice,
        back: `/staff/cases/${caseId}`,
        status: options.status,
      },
    );
  }
}

function validate(web: WebContext, action: Action, body: Record<string, unknown>): FieldError[] {
  const blank = (name: string) => text(body[name]).trim() === '';
  if (action === 'request-information') {
    const chosen = TEMPLATES.some((t) => t === body.template);
    return chosen || !blank('details') ? [] : [{ field: 'template', text: web.t('staff.request.required') }];
  }
  if (action === 'evaluate')
    return blank('findings') ? [{ field: 'findings', text: web.t('staff.evaluate.required') }] : [];
  return [
    ...(OUTCOMES.some((o) => o === body.outcome)
      ? []
      : [{ field: 'outcome', text: web.t('staff.resolve.outcomeRequired') }]),
    ...(blank('grounds') ? [{ field: 'grounds', text: web.t('staff.resolve.groundsRequired') }] : []),
    ...(blank('legalBasis')
      ? [{ field: 'legalBasis', text: web.t('staff.resolve.legalBasisRequired') }]
      : []),
  ];
}

const fieldOf = (action: Action): string =>
  action === 'request-information' ? 'template' : action === 'evaluate' ? 'findings' : 'outcome';

/** The chosen template's text in the page's language, then the reviewer's own words. */
function requestedText(web: WebContext, body: Record<string, unknown>): string {
  const template = TEMPLATES.find((t) => t === body.template);
  return [template && web.t(`staff.request.template.${template}`), text(body.details).trim()]
    .filter(Boolean)
    .join('\n\n');
}

function resolutionOf(body: Record<string, unknown>): Resolution {
  return {
    outcome: OUTCOMES.find((o) => o === body.outcome) ?? 'denied',
    grounds: text(body.grounds).trim(),
    legalBasis: text(body.legalBasis).trim(),
  };
}
