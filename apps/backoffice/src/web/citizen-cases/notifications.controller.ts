import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem, asProblem, WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import {
  fetchBytes,
  isUuid,
  problemOf,
  problemText,
  sendAssuranceTooLow,
  sendNotFound,
  streamTo,
} from './citizen-pages';

const TAGS: Readonly<Record<string, string>> = {
  available: 'tag-warn',
  accessed: 'tag-warn',
  accepted: 'tag-done',
  rejected: 'tag-done',
  'deemed-rejected': 'tag-bad',
};

interface AnswerForm {
  readonly decision?: string;
  readonly reason?: string;
  readonly action?: string;
  readonly signingCode?: string;
}

const fieldOf = (code: string): string =>
  code.startsWith('SIGNING_CODE') || code === 'SIGNATURE_OTP_REQUIRED' || code === 'NO_REGISTERED_MOBILE'
    ? 'signingCode'
    : code === 'UNSAFE_TEXT' || code === 'VALIDATION_FAILED'
      ? 'reason'
      : 'decision';

/**
 * The notifications inbox and each notification: open it (recorded on the proof of delivery),
 * read the notified document (the PDF, inline), accept or reject it signed. A session whose
 * level of assurance is too low for it gets an explanation and a way to log in again.
 */
@Controller('citizen/notifications')
export class NotificationsController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get()
  async inbox(
    @Web() web: WebContext,
    @Query('before') before: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['citizen']);
    if (!session) return;
    const cursor = typeof before === 'string' && before.length <= 200 ? before : undefined;
    const { data, error, response } = await this.api.for(web).GET('/me/notifications', {
      params: { query: { limit: 20, ...(cursor && { before: cursor }) } },
    });
    if (!data) {
      if (cursor && response.status === 400) return void res.redirect(303, '/citizen/notifications');
      throw new Error(`listMyNotifications: ${asProblem(error, response.status).code}`);
    }
    const items = data.items.map((n) => ({
      ...n,
      tag: TAGS[n.status] ?? '',
      represented: n.addressee !== session.principal.subject,
    }));
    sendPage(
      res,
      web,
      'citizen/notifications',
      {
        items,
        pending: items.filter((n) => n.status === 'available' || n.status === 'accessed'),
        next: data.next ? `/citizen/notifications?before=${encodeURIComponent(data.next)}` : undefined,
      },
      { title: 'citizen.notifications.title' },
    );
  }

  @Get(':id')
  async show(
    @Web() web: WebContext,
    @Param('id') id: string,
    @Query('done') done: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(id)) return sendNotFound(res, web);
    const restored = await this.sessions.restored(req, res);
    const notice = restored
      ? web.t('session.restored')
      : done === 'opened'
        ? web.t('citizen.notification.opened')
        : done === 'accepted' || done === 'rejected'
          ? web.t(`citizen.notification.done.${done}`)
          : undefined;
    await this.page(web, res, id, restored ?? {}, [], notice);
  }

  @Post(':id/access')
  async access(
    @Web() web: WebContext,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(id)) return sendNotFound(res, web);
    const { data, error, response } = await this.api
      .for(web)
      .POST('/notifications/{id}/access', { params: { path: { id } } });
    if (data) return void res.redirect(303, `/citizen/notifications/${id}?done=opened`);
    return this.refused(web, res, id, {}, { ...asProblem(error, response.status), facts: factsOf(error) });
  }

  /** The notified document, inline: the API judges this session again before a byte is sent. */
  @Get(':id/document')
  async document(
    @Web() web: WebContext,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(id)) return sendNotFound(res, web);
    const answer = await fetchBytes(this.api.baseUrl, web, `/notifications/${id}/document`);
    if (answer.ok) return streamTo(res, answer, `inline; filename="notificacion-${id}.pdf"`);
    const problem = await problemOf(answer);
    if (problem.code === 'NOTIFICATION_NOT_ACCESSED')
      return void res.redirect(303, `/citizen/notifications/${id}`);
    return this.refused(web, res, id, {}, problem);
  }

  @Post(':id/answer')
  async answer(
    @Web() web: WebContext,
    @Param('id') id: string,
    @Body() form: AnswerForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(id)) return sendNotFound(res, web);
    const api = this.api.for(web);
    const path = { params: { path: { id } } };
    if (form.action === 'code') {
      const { data, error, response } = await api.POST('/notifications/{id}/signing-code', path);
      if (!data)
        return this.refused(web, res, id, form, {
          ...asProblem(error, response.status),
          facts: factsOf(error),
        });
      return this.page(web, res, id, form, [], web.t('citizen.signing.sent', { to: data.sentTo }));
    }
    const errors: FieldError[] = [];
    if (form.decision !== 'accept' && form.decision !== 'reject')
      errors.push({ field: 'decision', text: web.t('citizen.notification.chooseDecision') });
    const code = typeof form.signingCode === 'string' ? form.signingCode.replace(/\s/g, '') : '';
    if (code !== '' && !/^\d{6}$/.test(code))
      errors.push({ field: 'signingCode', text: web.t('citizen.signing.codeFormat') });
    if (errors.length > 0) return this.page(web, res, id, form, errors);
    const signature = code ? { signingCode: code } : {};
    const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
    const { data, error, response } =
      form.decision === 'accept'
        ? await api.POST('/notifications/{id}/acceptance', { ...path, body: signature })
        : await api.POST('/notifications/{id}/rejection', {
            ...path,
            body: { ...signature, ...(reason && { reason }) },
          });
    if (!data)
      return this.refused(web, res, id, form, {
        ...asProblem(error, response.status),
        facts: factsOf(error),
      });
    res.redirect(
      303,
      `/citizen/notifications/${id}?done=${form.decision === 'accept' ? 'accepted' : 'rejected'}`,
    );
  }

  private refused(
    web: WebContext,
    res: Response,
    id: string,
    form: AnswerForm,
    problem: ApiProblem & { facts?: unknown },
  ): Promise<void> {
    if (problem.code === 'LEVEL_OF_ASSURANCE_TOO_LOW') {
      sendAssuranceTooLow(res, web, problem, `/citizen/notifications/${id}`);
      return Promise.resolve();
    }
    if (problem.status === 404) {
      sendNotFound(res, web);
      return Promise.resolve();
    }
    return this.page(web, res, id, form, [{ field: fieldOf(problem.code), text: problemText(web, problem) }]);
  }

  private async page(
    web: WebContext,
    res: Response,
    id: string,
    form: AnswerForm,
    errors: FieldError[],
    notice?: string,
  ): Promise<void> {
    const { data } = await this.api.for(web).GET('/notifications/{id}', { params: { path: { id } } });
    if (!data) return sendNotFound(res, web);
    const me = web.session?.principal.subject;
    sendPage(
      res,
      web,
      'citizen/notification',
      {
        n: data,
        tag: TAGS[data.status] ?? '',
        represented: data.addressee !== me,
        canOpen: data.status === 'available',
        canAnswer: data.status === 'accessed',
        canRead: data.status !== 'available' && data.status !== 'deemed-rejected' && data.accessedAt !== null,
        needsCode: web.session?.principal.levelOfAssurance === 'clave-permanente',
        values: form,
        decisions: [
          {
            value: 'accept',
            label: web.t('citizen.notification.accept'),
            hint: web.t('citizen.notification.acceptHint'),
            checked: form.decision === 'accept',
          },
          {
            value: 'reject',
            label: web.t('citizen.notification.reject'),
            hint: web.t('citizen.notification.rejectHint'),
            checked: form.decision === 'reject',
          },
        ],
      },
      {
        title: 'citizen.notification.title',
        back: '/citizen/notifications',
        errors,
        notice,
        status: errors.length > 0 ? 422 : 200,
      },
    );
  }
}

const factsOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'facts' in error ? error.facts : undefined;
