import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, renderError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { CASE_ID, eventLabel, invalidFields, streamLabel } from './audit-labels';
import { caseEvents, eventRow, type CaseState } from './case-history';
import { madridInstant, madridParts, writtenInstant } from './madrid-time';

const HISTORY_PAGE = 200;
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A path that names no case, or a case the log does not hold, is the not-found page. */
export function notFound(web: WebContext, res: Response): void {
  res
    .status(404)
    .type('html')
    .send(renderError(web, 404, 'notFound'));
}

/**
 * A case as the log holds it: every event of every stream in log order with its whole envelope,
 * and its state folded at any instant or position, stepping event by event through time.
 */
@Controller('audit/cases')
export class AuditCaseController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  /** The signed export, streamed on from the API as it sends it (the API decides who may have it). */
  @Get(':caseId/export')
  async export(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Query('withDocuments') withDocuments: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['auditor']))) return;
    if (!CASE_ID.test(caseId)) return notFound(web, res);
    const { response } = await this.api.for(web).GET('/audit/cases/{caseId}/export', {
      params: { path: { caseId }, query: withDocuments === 'true' ? { withDocuments: 'true' } : {} },
      parseAs: 'stream',
    });
    if (response.status === 404) return notFound(web, res);
    if (!response.ok || !response.body) throw new Error(`audit export: ${response.status}`);
    res.status(200).type('application/zip');
    res.setHeader(
      'Content-Disposition',
      response.headers.get('content-disposition') ?? `attachment; filename="expediente-${caseId}.zip"`,
    );
    for await (const chunk of response.body) res.write(chunk);
    res.end();
  }

  @Get(':caseId')
  async history(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['auditor']))) return;
    if (!CASE_ID.test(caseId)) return notFound(web, res);
    const cursor = /^\d{1,16}$/.test(text(query.cursor)) ? text(query.cursor) : undefined;
    const { data, response } = await this.api.for(web).GET('/audit/cases/{caseId}/history', {
      params: { path: { caseId }, query: { limit: HISTORY_PAGE, ...(cursor && { cursor }) } },
    });
    if (response.status === 404) return notFound(web, res);
    if (!data) throw new Error(`audit history: ${response.status}`);
    const rows = data.items.map((event, i) =>
      eventRow(web, caseId, event, i === 0 ? Number(cursor ?? 0) : data.items[i - 1]!.position),
    );
    sendPage(
      res,
      web,
      'audit/case',
      {
        caseId,
        rows,
        total: data.streams.reduce((n, s) => n + s.events, 0),
        streams: data.streams.map((s) => ({ ...s, label: streamLabel(web.t, s.stream) })),
        next: data.next ? `/audit/cases/${caseId}?cursor=${data.next}` : undefined,
        compareHref: `/audit/cases/${caseId}/diff`,
        stateHref: `/audit/cases/${caseId}/state`,
      },
      { title: 'audit.case.title', back: '/audit' },
    );
  }

  @Get(':caseId/state')
  async state(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['auditor']))) return;
    if (!CASE_ID.test(caseId)) return notFound(web, res);
    const form = {
      date: text(query.date),
      time: text(query.time),
      position: text(query.position),
      at: text(query.at),
    };
    const errors: FieldError[] = [];
    let at = form.at || undefined;
    if (form.date || form.time) {
      at = madridInstant(form.date, form.time || '00:00:00');
      if (!at)
        errors.push(
          madridInstant(form.date)
            ? { field: 'time', text: web.t('audit.state.error.time') }
            : { field: 'date', text: web.t('audit.state.error.date') },
        );
    }
    const history = await caseEvents(this.api.for(web), caseId);
    if (!history.found) {
      if (history.status === 404) return notFound(web, res);
      throw new Error(`audit state: ${history.status}`);
    }
    let state: CaseState | undefined;
    if (errors.length === 0) {
      const { data, error, response } = await this.api.for(web).GET('/audit/cases/{caseId}/state', {
        params: {
          path: { caseId },
          query: { ...(at && { at }), ...(form.position && { position: form.position }) },
        },
      });
      if (response.status === 404) return notFound(web, res);
      if (!data && response.status !== 422) throw new Error(`audit state: ${response.status}`);
      state = data;
      for (const { field, message } of invalidFields(error))
        errors.push(
          field === 'position' && message.includes('with at')
            ? { field: 'position', text: web.t('audit.state.error.both') }
            : field === 'position'
              ? { field: 'position', text: web.t('audit.state.error.position') }
              : { field: 'date', text: web.t('audit.state.error.date') },
        );
    }
    const { events } = history;
    const last = state?.point.lastEvent?.position;
    const index = last === undefined ? -1 : events.findIndex((e) => e.position === last);
    const step = (i: number) => {
      const event = events[i];
      return event && state
        ? {
            href: `/audit/cases/${caseId}/state?position=${event.position}`,
            position: event.position,
            typeLabel: eventLabel(web.t, event.type),
          }
        : undefined;
    };
    const shown = madridParts(state?.point.at ?? state?.point.lastEvent?.recordedAt ?? '');
    sendPage(
      res,
      web,
      'audit/state',
      {
        caseId,
        state: state && {
          ...state,
          point: {
            ...state.point,
            typeLabel: state.point.lastEvent && eventLabel(web.t, state.point.lastEvent.type),
            time: state.point.lastEvent && writtenInstant(web.lang, state.point.lastEvent.recordedAt),
            isNow: !state.point.at && state.point.position === null,
          },
          summary: summaryOf(web, state.state),
          json: JSON.stringify(state.state, null, 2),
        },
        prev: index > 0 ? step(index - 1) : undefined,
        next: step(index + 1),
        form: {
          date: form.date || shown?.date || '',
          time: form.time || shown?.time || '',
          position: form.position || (state?.point.position ?? '') || '',
        },
        historyHref: `/audit/cases/${caseId}`,
      },
      { title: 'audit.state.title', errors, back: `/audit/cases/${caseId}` },
    );
  }
}

/** The fields an auditor looks at first, in words; the whole state is below it as JSON. */
function summaryOf(web: WebContext, state: CaseState['state']) {
  const { t } = web;
  const review = state.review;
  const reviewer = 'reviewerId' in review && typeof review.reviewerId === 'string' ? review.reviewerId : '';
  return [
    {
      key: t('audit.field.procedure'),
      value: state.filing ? t(`staff.procedure.${state.filing.procedure}`) : t('audit.none'),
    },
    { key: t('audit.field.filing'), value: t(`audit.filing.${state.filing?.status ?? 'none'}`) },
    {
      key: t('audit.field.receipt'),
      value:
        state.receipt.status === 'issued'
          ? t('audit.receipt.issued', { csv: typeof state.receipt.csv === 'string' ? state.receipt.csv : '' })
          : t('audit.receipt.none'),
    },
    {
      key: t('audit.field.review'),
      value: review.status === 'none' ? t('audit.review.none') : t(`staff.status.${review.status}`),
      id: 'review-status',
    },
    ...(reviewer ? [{ key: t('audit.field.reviewer'), value: reviewer }] : []),
    {
      key: t('audit.field.citizen'),
      value: state.citizen ? t(`audit.citizen.${state.citizen.status}`) : t('audit.none'),
      id: 'citizen-status',
    },
    ...(state.citizen?.outcome
      ? [{ key: t('audit.field.outcome'), value: t(`staff.outcome.${state.citizen.outcome}`) }]
      : []),
    {
      key: t('audit.field.notifications'),
      value:
        Object.values(state.notifications)
          .map((n) => t(`audit.notification.${n.status}`))
          .join(', ') || t('audit.none'),
    },
    { key: t('audit.field.paperPost'), value: t(`audit.paperPost.${state.paperPost.status}`) },
  ];
}
