import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { asProblem, WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { problemText } from './citizen-pages';

/** How the citizen is notified: paper copies or the electronic office only; and the pages' language. */
@Controller('citizen/settings')
export class SettingsController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get()
  async show(
    @Web() web: WebContext,
    @Query('saved') saved: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    const restored = await this.sessions.restored(req, res);
    await this.page(
      web,
      res,
      restored?.paper,
      [],
      restored ? web.t('session.restored') : saved === '1' ? web.t('citizen.settings.saved') : undefined,
    );
  }

  @Post()
  async save(
    @Web() web: WebContext,
    @Body() form: { paper?: string },
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (form.paper !== 'yes' && form.paper !== 'no')
      return this.page(web, res, undefined, [{ field: 'paper', text: web.t('citizen.settings.choose') }]);
    const { data, error, response } = await this.api
      .for(web)
      .PUT('/me/notification-preferences', { body: { paperCopies: form.paper === 'yes' } });
    if (!data)
      return this.page(web, res, form.paper, [
        { field: 'paper', text: problemText(web, asProblem(error, response.status)) },
      ]);
    res.redirect(303, '/citizen/settings?saved=1');
  }

  private async page(
    web: WebContext,
    res: Response,
    chosen: string | undefined,
    errors: FieldError[],
    notice?: string,
  ): Promise<void> {
    const { data, error, response } = await this.api.for(web).GET('/me/notification-preferences');
    if (!data) throw new Error(`viewNotificationPreferences: ${asProblem(error, response.status).code}`);
    const paper = chosen ?? (data.paperCopies ? 'yes' : 'no');
    sendPage(
      res,
      web,
      'citizen/settings',
      {
        preferences: data,
        options: [
          {
            value: 'no',
            label: web.t('citizen.settings.paperNo'),
            hint: web.t('citizen.settings.paperNoHint'),
            checked: paper === 'no',
          },
          {
            value: 'yes',
            label: web.t('citizen.settings.paperYes'),
            hint: web.t('citizen.settings.paperYesHint'),
            checked: paper === 'yes',
          },
        ],
        language: web.t(`citizen.settings.language.${web.lang}`),
      },
      { title: 'citizen.settings.title', errors, notice },
    );
  }
}
