import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { Req } from '@nestjs/common';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { DEV_AUDITOR, DEV_CITIZENS, DEV_OPERATOR } from '@expediente/infra/identity/dev-personas';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { LEVELS_OF_ASSURANCE } from '@expediente/infra/identity/identity-provider.port';
import { STAFF_DIRECTORY, StaffDirectory } from '@expediente/infra/staff/staff-directory.port';
import { FORM_STASH, FormStash } from '@expediente/infra/web/form-stash.port';
import { WebApi } from '../api-client';
import { clearCookie, cookieOptions, readCookie, SESSION_COOKIE, STASH_COOKIE } from '../session/cookies';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { homeOf, safeReturnPath } from './where-to';

const STAFF_UNITS = ['INSS-28', 'INSS-41', 'ICAM'];
const DNI = /^[XYZ0-9]\d{7}[A-Z]$/;
const E164 = /^\+[1-9]\d{6,14}$/;

interface LoginForm {
  readonly person?: string;
  readonly level?: string;
  readonly subject?: string;
  readonly name?: string;
  readonly mobile?: string;
  readonly returnTo?: string;
}

/**
 * Log-in. In development a page to choose a person and a level of assurance (the local
 * identity provider mints the token, through the API's POST /dev/login like any client); in
 * production the identity provider's own page (Cl@ve), reached by IDENTITY_LOGIN_URL.
 */
@Controller()
export class LoginController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    @Inject(FORM_STASH) private readonly stash: FormStash,
    @Inject(ConfigService) private readonly config: TypedConfig,
  ) {}

  @Get('login')
  async show(
    @Web() web: WebContext,
    @Query('returnTo') returnTo: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.page(web, res, { returnTo: safeReturnPath(returnTo) }, []);
  }

  @Post('login')
  async login(
    @Web() web: WebContext,
    @Body() form: LoginForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (this.production) return void res.redirect(303, '/login');
    const personas = await this.personas();
    const errors: FieldError[] = [];
    let principal: Principal | undefined;
    if (form.person === 'custom') {
      const subject = (form.subject ?? '').toUpperCase().replace(/[\s.-]/g, '');
      const name = (form.name ?? '').trim();
      const mobile = (form.mobile ?? '').replace(/[\s]/g, '');
      if (!DNI.test(subject)) errors.push({ field: 'subject', text: web.t('login.error.subject') });
      if (name.length < 2 || name.length > 200)
        errors.push({ field: 'name', text: web.t('login.error.name') });
      if (mobile !== '' && !E164.test(mobile))
        errors.push({ field: 'mobile', text: web.t('login.error.mobile') });
      principal = {
        subject,
        name,
        roles: ['citizen'],
        levelOfAssurance: 'certificate',
        ...(mobile && { mobile }),
      };
    } else {
      principal = personas.find((p) => personaId(p) === form.person);
      if (!principal) errors.push({ field: 'person', text: web.t('login.error.person') });
    }
    const level = LEVELS_OF_ASSURANCE.find((l) => l === form.level);
    if (!level) errors.push({ field: 'level', text: web.t('login.error.level') });
    if (errors.length > 0 || !principal || !level) return this.page(web, res, form, errors);

    const { data, error, response } = await this.api.for(web).POST('/dev/login', {
      body: { ...principal, roles: [...principal.roles], levelOfAssurance: level },
    });
    if (!data) {
      const detail = error && 'detail' in error && typeof error.detail === 'string' ? error.detail : '';
      const field = response.status === 422 && form.person === 'custom' ? 'subject' : 'person';
      return this.page(web, res, form, [{ field, text: detail || web.t('errors.internal.title') }]);
    }
    res.cookie(SESSION_COOKIE, data.token, cookieOptions(req, { expires: new Date(data.expiresAt) }));
    const returnTo = safeReturnPath(form.returnTo);
    res.redirect(303, returnTo ?? homeOf(data.principal.roles));
  }

  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    clearCookie(req, res, SESSION_COOKIE);
    const stashed = readCookie(req, STASH_COOKIE);
    if (stashed) {
      await this.stash.take(stashed);
      clearCookie(req, res, STASH_COOKIE);
    }
    res.redirect(303, '/login?loggedOut=1');
  }

  private get production(): boolean {
    return this.config.get('NODE_ENV', { infer: true }) === 'production';
  }

  private async personas(): Promise<Principal[]> {
    const staff = (await Promise.all(STAFF_UNITS.map((unit) => this.staff.inUnit(unit)))).flat();
    return [
      ...DEV_CITIZENS,
      ...staff.map((member): Principal => ({
        subject: member.id,
        name: member.name,
        roles: [...member.roles],
        unit: member.unit,
        levelOfAssurance: 'certificate',
      })),
      DEV_AUDITOR,
      DEV_OPERATOR,
    ];
  }

  private async page(web: WebContext, res: Response, form: LoginForm, errors: FieldError[]): Promise<void> {
    const personas = await this.personas();
    const item = (p: Principal, index: number) => ({
      value: personaId(p),
      label: p.name,
      hint: p.roles.map((role) => web.t(`login.role.${role}`, { unit: p.unit ?? '' })).join(' · '),
      checked: form.person ? form.person === personaId(p) : index === 0,
    });
    const groups = [
      { legend: web.t('login.person.citizens'), items: personas.filter((p) => p.roles.includes('citizen')) },
      {
        legend: web.t('login.person.staff'),
        items: personas.filter((p) => p.roles.includes('reviewer') || p.roles.includes('supervisor')),
      },
      {
        legend: web.t('login.person.other'),
        items: personas.filter((p) => p.roles.includes('auditor') || p.roles.includes('operator')),
      },
    ];
    let offset = 0;
    const people = groups.map((group) => {
      const items = group.items.map((p, i) => ({ ...item(p, offset + i), index: offset + i }));
      offset += group.items.length;
      return { legend: group.legend, items };
    });
    sendPage(
      res,
      web,
      this.production ? 'login-production' : 'login',
      {
        people,
        custom: { checked: form.person === 'custom' },
        values: form,
        levels: LEVELS_OF_ASSURANCE.map((level, index) => ({
          value: level,
          label: web.t(`login.level.${level}`),
          checked: form.level ? form.level === level : index === 0,
        })),
        returnTo: form.returnTo,
        identityLoginUrl: this.config.get('IDENTITY_LOGIN_URL', { infer: true }),
      },
      {
        title: 'login.title',
        errors,
        notice: web.sessionExpired ? web.t('session.expired') : undefined,
      },
    );
  }
}

const personaId = (p: Principal) => `${p.subject}:${p.roles.join('+')}`;
