import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { formatCsv } from '@expediente/infra/receipts/csv';
import { asProblem, WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { fetchBytes, isUuid, problemOf, sendAssuranceTooLow, sendNotFound, streamTo } from './citizen-pages';

const FINISHED = new Set(['closed', 'withdrawn']);
const AWAITING = new Set(['information-requested', 'notification-available']);

/** The tag a status wears: waiting on the person, finished, or in the unit's hands. */
export const statusTag = (status: string): string =>
  AWAITING.has(status) ? 'tag-warn' : FINISHED.has(status) ? 'tag-done' : '';

/**
 * The citizen's cases (their own and those of people they represent) and each case's page:
 * where it stands, what they must do by when, its steps in plain language (the API's texts, in
 * the page's language) and its proof of receipt.
 */
@Controller('citizen/cases')
export class CasesController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get()
  async list(
    @Web() web: WebContext,
    @Query('before') before: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['citizen']);
    if (!session) return;
    const cursor = typeof before === 'string' && before.length <= 200 ? before : undefined;
    const { data, error, response } = await this.api.for(web).GET('/me/cases', {
      params: { query: { limit: 20, lang: web.lang, ...(cursor && { before: cursor }) } },
    });
    if (!data) {
      // A stale or tampered cursor: the first page instead.
      if (cursor && response.status === 400) return void res.redirect(303, '/citizen/cases');
      throw new Error(`listMyCases: ${asProblem(error, response.status).code}`);
    }
    const cases = data.items.map((item) => ({
      ...item,
      tag: statusTag(item.status),
      represented: item.subject !== session.principal.subject,
    }));
    const todo = cases.flatMap((item) =>
      item.todo.map((task) => ({
        text: task.text,
        href:
          task.kind === 'answer-information-request'
            ? `/citizen/cases/${item.caseId}/information`
            : `/citizen/notifications/${task.notificationId}`,
        registryNumber: item.registryEntry?.number,
      })),
    );
    sendPage(
      res,
      web,
      'citizen/cases',
      { cases, todo, next: data.next ? `/citizen/cases?before=${encodeURIComponent(data.next)}` : undefined },
      { title: 'citizen.cases.title' },
    );
  }

  @Get(':caseId')
  async view(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Query('sent') sent: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['citizen']);
    if (!session) return;
    if (!isUuid(caseId)) return sendNotFound(res, web);
    const api = this.api.for(web);
    const path = { params: { path: { caseId }, query: { lang: web.lang } } };
    const [status, timeline] = await Promise.all([
      api.GET('/cases/{caseId}', path),
      api.GET('/cases/{caseId}/timeline', path),
    ]);
    if (!status.data || !timeline.data) {
      const failed = status.data ? timeline : status;
      if (failed.response.status === 403) return sendAssuranceTooLow(res, web, failed.error, req.originalUrl);
      if (failed.response.status === 404) return sendNotFound(res, web);
      throw new Error(`viewCaseStatus: ${asProblem(failed.error, failed.response.status).code}`);
    }
    const view = status.data;
    const number = view.registryEntry?.number ?? web.t('citizen.case.noNumber');
    sendPage(
      res,
      web,
      'citizen/case',
      {
        case: view,
        number,
        receiptCsv: view.receipt.csv ? formatCsv(view.receipt.csv) : '',
        tag: statusTag(view.status),
        represented: view.subject !== session.principal.subject,
        todo: view.todo.map((task) => ({
          ...task,
          href:
            task.kind === 'answer-information-request'
              ? `/citizen/cases/${caseId}/information`
              : `/citizen/notifications/${task.notificationId}`,
        })),
        timeline: [...timeline.data].reverse(),
      },
      {
        title: 'citizen.case.title',
        titleParams: { number },
        back: '/citizen/cases',
        notice: sent === '1' ? web.t('citizen.answer.sent') : undefined,
      },
    );
  }

  /** The proof of receipt zip, streamed from the API as it comes. */
  @Get(':caseId/receipt')
  async receipt(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['citizen']))) return;
    if (!isUuid(caseId)) return sendNotFound(res, web);
    const answer = await fetchBytes(this.api.baseUrl, web, `/cases/${caseId}/receipt`);
    if (answer.ok)
      return streamTo(
        res,
        answer,
        answer.headers.get('content-disposition') ?? 'attachment; filename="justificante.zip"',
      );
    const problem = await problemOf(answer);
    if (problem.status === 403) return sendAssuranceTooLow(res, web, problem, req.originalUrl);
    if (problem.status === 409)
      return sendPage(
        res,
        web,
        'citizen/receipt-pending',
        { caseId },
        { title: 'citizen.receipt.pendingTitle', back: `/citizen/cases/${caseId}`, status: 409 },
      );
    return sendNotFound(res, web);
  }
}
