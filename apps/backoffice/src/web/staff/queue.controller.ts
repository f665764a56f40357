import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROVINCES, medicalUnitFor } from '@expediente/domain';
import { STAFF_DIRECTORY, StaffDirectory } from '@expediente/infra/staff/staff-directory.port';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { sendPage, type FieldError } from '../views';
import { Web, WebContext } from '../web-context';
import { StaffApi, type QueueQuery } from './staff-api';
import { changesSince, isConcurrentChange, namesOf, notFound, provinceName } from './staff-pages';

const STATUSES = [
  'open',
  'assigned',
  'awaiting-citizen',
  'evaluated',
  'resolved',
  'closed',
  'withdrawn',
] as const;
const PROCEDURES = ['medical-report-submission', 'entitlement-application'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE = 20;
/** Cursors are base64url: "~" never occurs in one, so the trail of earlier pages is one parameter. */
const TRAIL = '~';

const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  list.find((item) => item === value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The unit's queue and a reviewer's own cases: one table, filtered by a GET form, paged by cursor. */
@Controller('staff')
export class StaffQueueController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
  ) {}

  @Get('my-work')
  async myWork(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ) {
    if (!(await this.sessions.require(web, req, res, ['reviewer']))) return;
    await this.list(web, res, query, 'mine');
  }

  @Get('queue')
  async queue(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ) {
    if (!(await this.sessions.require(web, req, res, ['reviewer', 'supervisor']))) return;
    await this.list(web, res, query, 'unit');
  }

  private async list(web: WebContext, res: Response, query: Record<string, unknown>, view: 'mine' | 'unit') {
    const principal = web.session!.principal;
    const unit = principal.unit ?? '';
    const members = await this.directory.inUnit(unit);
    const names = new Map(members.map((m) => [m.id, m.name]));
    const filters = {
      status: pick(STATUSES, query.status),
      procedure: pick(PROCEDURES, query.procedure),
      province: /^\d{2}$/.test(text(query.province)) ? text(query.province) : undefined,
      reviewer:
        view === 'mine'
          ? 'me'
          : text(query.reviewer) && /^[\w-]{1,32}$/.test(text(query.reviewer))
            ? text(query.reviewer)
            : undefined,
      overdue: query.overdue === 'true' ? ('true' as const) : undefined,
    } satisfies QueueQuery;
    const size = Number(query.limit);
    const limit = Number.isInteger(size) && size >= 1 && size <= 100 ? size : PAGE;
    const cursor = /^[\w-]{1,200}$/.test(text(query.cursor)) ? text(query.cursor) : undefined;
    const trail = text(query.trail)
      .split(TRAIL)
      .filter((c) => /^[\w-]{1,200}$/.test(c));
    const staffApi = new StaffApi(this.api, web);
    let page = await staffApi.cases(unit, { ...filters, limit, ...(cursor && { cursor }) });
    const errors: FieldError[] = [];
    if (!page.ok && cursor) page = await staffApi.cases(unit, { ...filters, limit });
    if (!page.ok)
      errors.push({ field: 'status', text: web.t('staff.error.api', { detail: page.problem.detail }) });
    const items = page.ok ? page.value.items : [];
    const isReviewer = principal.roles.includes('reviewer');
    const isSupervisor = principal.roles.includes('supervisor');
    const reviewers = members.filter((m) => m.roles.includes('reviewer'));
    const filterParams = Object.entries(filters).filter(
      ([key, v]) => v !== undefined && !(view === 'mine' && key === 'reviewer'),
    );
    const link = (params: [string, string][]) => {
      const kept = [
        ...(filterParams as [string, string][]),
        ...(limit === PAGE ? [] : [['limit', String(limit)]]),
      ];
      const search = new URLSearchParams([...(kept as [string, string][]), ...params]).toString();
      return `${web.path}${search ? `?${search}` : ''}`;
    };
    const next =
      page.ok && page.value.next
        ? link([
            ['cursor', page.value.next],
            ['trail', [...trail, cursor ?? ''].join(TRAIL)],
          ])
        : undefined;
    const previous =
      cursor === undefined
        ? undefined
        : link([
            ...(trail.at(-1) ? ([['cursor', trail.at(-1)!]] as [string, string][]) : []),
            ...(trail.length > 1 ? ([['trail', trail.slice(0, -1).join(TRAIL)]] as [string, string][]) : []),
          ]);
    const provinces = PROVINCES.filter((p) => medicalUnitFor(p.code).id === unit);
    sendPage(
      res,
      web,
      'staff/queue',
      {
        view,
        unitName: provinces.length > 0 ? medicalUnitFor(provinces[0]!.code).name : unit,
        filters: { ...filters, reviewer: view === 'mine' ? undefined : filters.reviewer },
        statuses: STATUSES.map((value) => ({
          value,
          label: web.t(`staff.status.${value}`),
          selected: value === filters.status,
        })),
        procedures: PROCEDURES.map((value) => ({
          value,
          label: web.t(`staff.procedure.${value}`),
          selected: value === filters.procedure,
        })),
        provinces: provinces.map((p) => ({
          value: p.code,
          label: p.name,
          selected: p.code === filters.province,
        })),
        assignees: [
          { value: 'me', label: web.t('staff.filter.me'), selected: filters.reviewer === 'me' },
          ...reviewers.map((m) => ({ value: m.id, label: m.name, selected: m.id === filters.reviewer })),
        ],
        rows: items.map((item) => ({
          ...item,
          shortId: item.caseId.slice(0, 8),
          procedureLabel: web.t(`staff.procedure.${item.procedure}`),
          provinceLabel: provinceName(item.provinceCode),
          statusLabel: web.t(`staff.status.${item.status}`),
          assignee: item.reviewerId ? (names.get(item.reviewerId) ?? item.reviewerId) : undefined,
          stepLabel: item.dueStep ? web.t(`staff.step.${item.dueStep}`) : undefined,
          claimable: isReviewer && item.status === 'open',
          assignable: isSupervisor && item.status === 'open',
        })),
        reviewers,
        next,
        previous,
        returnTo: `${web.path}${web.query ? `?${web.query}` : ''}`,
      },
      {
        title: view === 'mine' ? 'staff.myWork.title' : 'staff.queue.title',
        errors,
        notice: noticeOf(web, query),
      },
    );
  }

  /** "Assign to me" from a queue: only while the case is still unassigned, as the reviewer saw it. */
  @Post('cases/:caseId/claim')
  async claim(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    if (!(await this.sessions.require(web, req, res, ['reviewer']))) return;
    await this.assign(web, res, caseId, web.session!.principal.subject, body, 'claimed');
  }

  /** A supervisor assigns an unassigned case to a reviewer of the unit. */
  @Post('cases/:caseId/assign')
  async assignTo(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    if (!(await this.sessions.require(web, req, res, ['supervisor']))) return;
    await this.assign(web, res, caseId, text(body.reviewerId), body, 'assigned');
  }

  private async assign(
    web: WebContext,
    res: Response,
    caseId: string,
    reviewerId: string,
    body: Record<string, unknown>,
    done: string,
  ) {
    if (!UUID.test(caseId)) return notFound(res, web);
    const api = new StaffApi(this.api, web);
    const current = await api.review(caseId);
    if (!current.ok) return notFound(res, web);
    const review = current.value;
    const seenStatus = text(body.seenStatus) || 'open';
    const seenReviewer = text(body.seenReviewer);
    const back = safeReturn(text(body.returnTo)) ?? `/staff/cases/${caseId}`;
    const names = await namesOf(this.directory, review.unit.id);
    const conflict = async () => {
      const { changed } = await changesSince(
        {
          version: review.version,
          status: seenStatus,
          reviewerId: seenReviewer,
          entries: Number(body.seenEntries) || 0,
        },
        api,
        caseId,
        web,
        names,
      );
      sendPage(
        res,
        web,
        'staff/changed',
        { caseId, changed, back },
        { title: 'staff.changed.title', status: 409 },
      );
    };
    if (review.status !== seenStatus || (review.reviewerId ?? '') !== seenReviewer) return conflict();
    const outcome = await api.assign(
      caseId,
      reviewerId,
      review.version,
      text(body.reason).trim() || undefined,
    );
    if (outcome.ok) return res.redirect(303, `/staff/cases/${caseId}?done=${done}`);
    if (isConcurrentChange(outcome.problem.status, outcome.problem.code)) return conflict();
    sendPage(
      res,
      web,
      'staff/changed',
      { caseId, refused: outcome.problem.detail, back },
      { title: 'staff.changed.title', status: outcome.problem.status >= 500 ? 503 : outcome.problem.status },
    );
  }
}

export const noticeOf = (web: WebContext, query: Record<string, unknown>): string | undefined => {
  const done = text(query.done);
  return ['claimed', 'assigned', 'requested', 'evaluated', 'resolved'].includes(done)
    ? web.t(`staff.done.${done}`)
    : undefined;
};

/** Only our own staff pages, never an outside address. */
const safeReturn = (path: string): string | undefined =>
  /^\/staff\/[\w\-/?=&%.~]*$/.test(path) ? path : undefined;
