import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { asProblem, WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { isUuid, problemText, sendNotFound } from './citizen-pages';
import { dateField, DateParts, dayOf } from './date-fields';

const PROCEDURES = ['medical-report-submission', 'entitlement-application', 'notifications'] as const;
type Procedure = (typeof PROCEDURES)[number];

const STATUS_TAG: Readonly<Record<string, string>> = {
  granted: 'tag-warn',
  accepted: 'tag-done',
  revoked: 'tag-bad',
};

type GrantForm = DateParts<'validFrom'> &
  DateParts<'validUntil'> & { readonly proxy?: string; readonly procedures?: string | string[] };

const GRANT_FIELD: Readonly<Record<string, string>> = {
  INVALID_IDENTITY_NUMBER: 'proxy',
  POWER_TO_SELF: 'proxy',
  POWER_PROCEDURES_REQUIRED: 'procedures',
  POWER_PERIOD_INVALID: 'validUntil',
};

/**
 * Powers of attorney: those I granted and those I hold; granting one (proxy, procedures, period),
 * accepting one offered to me, revoking one I granted — each a page that shows the terms first.
 */
@Controller('citizen/powers')
export class PowersController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get()
  async list(@Web() web: WebContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['citizen']);
    if (!session) return;
    const { data, error, response } = await this.api.for(web).GET('/powers');
    if (!data) throw new Error(`listMyPowers: ${asProblem(error, response.status).code}`);
    const me = session.principal.subject;
    const rows = data.map((p) => ({
      ...p,
      tag: STATUS_TAG[p.status] ?? '',
      procedureNames: p.procedures.map((x) => web.t(`citizen.procedure.${x}`)).join(', '),
    }));
    sendPage(
      res,
      web,
      'citizen/powers',
      { granted: rows.filter((p) => p.principal === me), held: rows.filter((p) => p.proxy === me) },
      { title: 'citizen.powers.title' },
    );
  }

  @Get('new')
  async form(@Web() web: WebContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const restored = await this.sessions.restored(req, res);
    this.grantPage(web, res, restored ?? {}, [], restored ? web.t('session.restored') : undefined);
  }

  @Post()
  async grant(
    @Web() web: WebContext,
    @Body() form: GrantForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const errors: FieldError[] = [];
    const proxy = (typeof form.proxy === 'string' ? form.proxy : '').toUpperCase().replace(/[\s.-]/g, '');
    if (!/^[XYZ0-9]\d{7}[A-Z]$/.test(proxy))
      errors.push({ field: 'proxy', text: web.t('citizen.powers.error.proxy') });
    const chosen = ([] as unknown[]).concat(form.procedures ?? []);
    const procedures = PROCEDURES.filter((p) => chosen.includes(p));
    if (procedures.length === 0)
      errors.push({ field: 'procedures', text: web.t('citizen.powers.error.procedures') });
    const validFrom = dayOf(form, 'validFrom');
    const validUntil = dayOf(form, 'validUntil');
    if (!validFrom) errors.push({ field: 'validFrom', text: web.t('citizen.powers.error.validFrom') });
    if (!validUntil) errors.push({ field: 'validUntil', text: web.t('citizen.powers.error.validUntil') });
    if (errors.length > 0 || !validFrom || !validUntil) return this.grantPage(web, res, form, errors);
    const { data, error, response } = await this.api
      .for(web)
      .POST('/powers', { body: { proxy, procedures, validFrom, validUntil } });
    if (!data) {
      const problem = asProblem(error, response.status);
      return this.grantPage(web, res, form, [
        { field: GRANT_FIELD[problem.code] ?? 'validFrom', text: problemText(web, problem) },
      ]);
    }
    res.redirect(303, `/citizen/powers/${data.powerId}?done=granted`);
  }

  @Get(':powerId')
  async view(
    @Web() web: WebContext,
    @Param('powerId') powerId: string,
    @Query('done') done: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const notice =
      done === 'granted' || done === 'accepted' || done === 'revoked'
        ? web.t(`citizen.powers.done.${done}`)
        : undefined;
    await this.powerPage(web, res, powerId, 'citizen/power', [], notice);
  }

  @Post(':powerId/accept')
  async accept(
    @Web() web: WebContext,
    @Param('powerId') powerId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(powerId)) return sendNotFound(res, web);
    const { data, error, response } = await this.api
      .for(web)
      .POST('/powers/{powerId}/acceptance', { params: { path: { powerId } } });
    if (!data) {
      const problem = asProblem(error, response.status);
      if (problem.status === 404) return sendNotFound(res, web);
      return this.powerPage(web, res, powerId, 'citizen/power', [
        { field: 'accept', text: problemText(web, problem) },
      ]);
    }
    res.redirect(303, `/citizen/powers/${powerId}?done=accepted`);
  }

  @Get(':powerId/revoke')
  async confirmRevoke(
    @Web() web: WebContext,
    @Param('powerId') powerId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    await this.powerPage(web, res, powerId, 'citizen/power-revoke', []);
  }

  @Post(':powerId/revoke')
  async revoke(
    @Web() web: WebContext,
    @Param('powerId') powerId: string,
    @Body() form: { reason?: string },
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(powerId)) return sendNotFound(res, web);
    const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
    const { data, error, response } = await this.api.for(web).POST('/powers/{powerId}/revocation', {
      params: { path: { powerId } },
      body: reason ? { reason } : {},
    });
    if (!data) {
      const problem = asProblem(error, response.status);
      if (problem.status === 404) return sendNotFound(res, web);
      return this.powerPage(web, res, powerId, 'citizen/power-revoke', [
        { field: 'reason', text: problemText(web, problem) },
      ]);
    }
    res.redirect(303, `/citizen/powers/${powerId}?done=revoked`);
  }

  private grantPage(web: WebContext, res: Response, form: GrantForm, errors: FieldError[], notice?: string) {
    const chosen = ([] as unknown[]).concat(form.procedures ?? []);
    sendPage(
      res,
      web,
      'citizen/power-new',
      {
        values: form,
        procedures: PROCEDURES.map((value: Procedure) => ({
          value,
          label: web.t(`citizen.procedure.${value}`),
          checked: chosen.includes(value),
        })),
        validFrom: dateField(form, 'validFrom'),
        validUntil: dateField(form, 'validUntil'),
      },
      { title: 'citizen.powers.new.title', back: '/citizen/powers', errors, notice },
    );
  }

  private async powerPage(
    web: WebContext,
    res: Response,
    powerId: string,
    template: string,
    errors: FieldError[],
    notice?: string,
  ): Promise<void> {
    if (!isUuid(powerId)) return sendNotFound(res, web);
    const { data } = await this.api.for(web).GET('/powers/{powerId}', { params: { path: { powerId } } });
    if (!data) return sendNotFound(res, web);
    const me = web.session?.principal.subject;
    sendPage(
      res,
      web,
      template,
      {
        power: data,
        tag: STATUS_TAG[data.status] ?? '',
        procedureNames: data.terms.procedures.map((x) => web.t(`citizen.procedure.${x}`)),
        canAccept: data.status === 'granted' && data.terms.proxy === me,
        canRevoke: data.status !== 'revoked' && data.terms.principal === me,
      },
      {
        title: template === 'citizen/power' ? 'citizen.power.title' : 'citizen.power.revokeTitle',
        back: template === 'citizen/power' ? '/citizen/powers' : `/citizen/powers/${powerId}`,
        errors,
        notice,
      },
    );
  }
}
