import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STAFF_DIRECTORY, StaffDirectory, StaffMember } from '@expediente/infra/staff/staff-directory.port';
import { asProblem, WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext, WebSession } from '../web-context';
import { csvLine } from './csv';

interface ListQuery {
  status?: 'open' | 'assigned' | 'awaiting-citizen' | 'evaluated' | 'resolved' | 'closed' | 'withdrawn';
  procedure?: 'medical-report-submission' | 'entitlement-application';
  province?: string;
  reviewer?: string;
  overdue?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

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
const MAX_EXPORT_ROWS = 50_000;
const MAX_BULK = 100;

/** The filters a queue view carries in its query string; anything unknown is dropped, never an error. */
export function queueFilters(query: Record<string, unknown>): ListQuery {
  const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
    allowed.find((a) => a === value);
  const province =
    typeof query.province === 'string' && /^\d{2}$/.test(query.province) ? query.province : undefined;
  const reviewer =
    typeof query.reviewer === 'string' && /^(me|[XYZ0-9]\d{7}[A-Z])$/.test(query.reviewer)
      ? query.reviewer
      : undefined;
  return {
    status: pick(query.status, STATUSES),
    procedure: pick(query.procedure, PROCEDURES),
    province,
    reviewer,
    overdue: query.overdue === 'true' ? 'true' : undefined,
  };
}

/**
 * The supervisor's pages: the unit's dashboard (charts with their figures as tables), bulk
 * assignment (many cases, one reviewer, every result reported) and the queue as CSV.
 */
@Controller('staff')
export class SupervisorController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
  ) {}

  @Get('dashboard')
  async dashboard(@Web() web: WebContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['supervisor']);
    if (!session) return;
    const unit = unitOf(session);
    const { data, error, response } = await this.api
      .for(web)
      .GET('/units/{unit}/dashboard', { params: { path: { unit } } });
    if (!data)
      throw new Error(`dashboard: ${response.status} ${JSON.stringify(asProblem(error, response.status))}`);
    const people = await this.people(unit);
    const bars = <T>(rows: readonly T[], value: (row: T) => number, label: (row: T) => string) => {
      const max = Math.max(1, ...rows.map(value));
      return rows.map((row) => ({
        label: label(row),
        value: value(row),
        width: Math.round((100 * value(row)) / max),
      }));
    };
    sendPage(
      res,
      web,
      'supervisor/dashboard',
      {
        unit,
        dashboard: data,
        ageing: bars(
          Object.entries(data.ageing),
          ([, n]) => n,
          ([bucket]) => web.t(`supervisor.ageing.${bucket}`),
        ),
        backlog: bars(
          data.backlog,
          (row) => row.cases,
          (row) => web.t(`staff.status.${row.status}`),
        ),
        resolvedPerWeek: bars(
          data.resolvedPerWeek,
          (row) => row.resolved,
          (row) => web.t('supervisor.weekOf', { day: row.weekStart }),
        ),
        overdueByStep: bars(
          data.overdueByStep,
          (row) => row.cases,
          (row) => web.t(`staff.step.${row.step}`),
        ),
        workload: bars(
          data.workload,
          (row) => row.open,
          (row) => people.get(row.reviewerId)?.name ?? row.reviewerId,
        ).map((bar, i) => ({ ...bar, ...data.workload[i] })),
      },
      { title: 'supervisor.dashboard.title', titleParams: { unit } },
    );
  }

  @Get('assign')
  async choose(
    @Web() web: WebContext,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['supervisor']);
    if (!session) return;
    await this.assignPage(
      web,
      session,
      res,
      queueFilters({ status: 'open', ...query }),
      query.all === '1',
      [],
      {},
    );
  }

  @Post('assign')
  async assign(
    @Web() web: WebContext,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['supervisor']);
    if (!session) return;
    const unit = unitOf(session);
    const caseIds = [body.caseIds ?? []]
      .flat()
      .filter((id): id is string => typeof id === 'string')
      .slice(0, MAX_BULK);
    const reviewerId = typeof body.reviewerId === 'string' ? body.reviewerId : '';
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const people = await this.people(unit);
    const errors: FieldError[] = [];
    if (caseIds.length === 0) errors.push({ field: 'cases', text: web.t('supervisor.assign.error.cases') });
    const reviewer = people.get(reviewerId);
    if (!reviewer || !reviewer.roles.includes('reviewer'))
      errors.push({ field: 'reviewerId', text: web.t('supervisor.assign.error.reviewer') });
    if (errors.length > 0)
      return this.assignPage(web, session, res, queueFilters({ status: 'open' }), false, errors, {
        reviewerId,
        reason,
        caseIds,
      });
    const api = this.api.for(web);
    const results: { caseId: string; ok: boolean; text: string }[] = [];
    // One at a time: each is a command of its own on its own case, and each result is reported.
    for (const caseId of caseIds) {
      const seen = await api.GET('/reviews/{caseId}', { params: { path: { caseId } } });
      const etag = seen.response.headers.get('etag');
      if (!seen.data || !etag) {
        results.push({ caseId, ok: false, text: asProblem(seen.error, seen.response.status).detail });
        continue;
      }
      const done = await api.POST('/reviews/{caseId}/assignment', {
        params: { path: { caseId }, header: { 'If-Match': etag } },
        body: { reviewerId, ...(reason && { reason }) },
      });
      results.push(
        done.data
          ? { caseId, ok: true, text: web.t('supervisor.assign.done', { name: reviewer!.name }) }
          : { caseId, ok: false, text: asProblem(done.error, done.response.status).detail },
      );
    }
    sendPage(
      res,
      web,
      'supervisor/assign-result',
      {
        results,
        assigned: results.filter((r) => r.ok).length,
        refused: results.filter((r) => !r.ok).length,
        reviewer: reviewer!.name,
      },
      { title: 'supervisor.assignResult.title' },
    );
  }

  @Get('queue.csv')
  async exportQueue(
    @Web() web: WebContext,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.sessions.require(web, req, res, ['supervisor', 'reviewer']);
    if (!session) return;
    const unit = unitOf(session);
    const filters = queueFilters(query);
    const api = this.api.for(web);
    const people = await this.people(unit);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="cola-${unit}.csv"`);
    // A byte-order mark so spreadsheets read the accents as UTF-8.
    res.write('\uFEFF');
    res.write(
      csvLine(
        [
          'caseId',
          'procedure',
          'province',
          'status',
          'reviewerId',
          'reviewer',
          'openedAt',
          'dueStep',
          'dueOn',
          'overdue',
          'resolvedAt',
          'outcome',
        ].map((column) => web.t(`supervisor.csv.${column}`)),
      ),
    );
    let cursor: string | undefined;
    let rows = 0;
    do {
      const page = await api.GET('/units/{unit}/cases', {
        params: { path: { unit }, query: { ...filters, limit: 100, ...(cursor && { cursor }) } },
      });
      if (!page.data) break;
      for (const item of page.data.items) {
        res.write(
          csvLine([
            item.caseId,
            web.t(`staff.procedure.${item.procedure}`),
            item.provinceCode,
            web.t(`staff.status.${item.status}`),
            item.reviewerId ?? '',
            item.reviewerId ? (people.get(item.reviewerId)?.name ?? '') : '',
            item.openedAt,
            item.dueStep ? web.t(`staff.step.${item.dueStep}`) : '',
            item.dueOn ?? '',
            item.overdue ? web.t('supervisor.csv.yes') : web.t('supervisor.csv.no'),
            item.resolvedAt ?? '',
            item.outcome ? web.t(`staff.outcome.${item.outcome}`) : '',
          ]),
        );
      }
      rows += page.data.items.length;
      cursor = page.data.next ?? undefined;
    } while (cursor && rows < MAX_EXPORT_ROWS);
    res.end();
  }

  private async assignPage(
    web: WebContext,
    session: WebSession,
    res: Response,
    filters: ListQuery,
    selectAll: boolean,
    errors: FieldError[],
    values: { reviewerId?: string; reason?: string; caseIds?: readonly string[] },
  ): Promise<void> {
    const unit = unitOf(session);
    const page = await this.api
      .for(web)
      .GET('/units/{unit}/cases', { params: { path: { unit }, query: { ...filters, limit: MAX_BULK } } });
    const people = await this.people(unit);
    const chosen = new Set(values.caseIds ?? []);
    sendPage(
      res,
      web,
      'supervisor/assign',
      {
        unit,
        filters,
        statuses: STATUSES.map((status) => ({
          value: status,
          label: web.t(`staff.status.${status}`),
          selected: filters.status === status,
        })),
        cases: (page.data?.items ?? []).map((item) => ({
          ...item,
          procedureLabel: web.t(`staff.procedure.${item.procedure}`),
          statusLabel: web.t(`staff.status.${item.status}`),
          reviewerName: item.reviewerId ? (people.get(item.reviewerId)?.name ?? item.reviewerId) : '',
          checked: selectAll || chosen.has(item.caseId),
        })),
        reviewers: [...people.values()]
          .filter((member) => member.roles.includes('reviewer'))
          .map((member) => ({
            value: member.id,
            label: member.name,
            selected: values.reviewerId === member.id,
          })),
        values,
        selectAllHref: `/staff/assign?${new URLSearchParams({ ...stringEntries(filters), all: '1' }).toString()}`,
      },
      { title: 'supervisor.assign.title', errors },
    );
  }

  private async people(unit: string): Promise<Map<string, StaffMember>> {
    return new Map((await this.staff.inUnit(unit)).map((member) => [member.id, member]));
  }
}

const unitOf = (session: WebSession): string => session.principal.unit ?? '';

const stringEntries = (filters: ListQuery): Record<string, string> =>
  Object.fromEntries(Object.entries(filters).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
