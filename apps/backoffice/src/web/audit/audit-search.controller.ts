import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EXPEDIENTE_EVENT_TYPES } from '@expediente/domain';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { CASE_ID, eventLabel, invalidFields, whoOf } from './audit-labels';
import { madridEndOfDay, madridInstant, writtenInstant } from './madrid-time';

const FIELDS = ['actor', 'caseId', 'type', 'from', 'to'] as const;
type SearchForm = Record<(typeof FIELDS)[number], string>;
const PAGE_SIZE = 20;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The error the API's 422 names, in the page's words, on the form field it concerns. */
function searchError(web: WebContext, field: string, message: string): FieldError {
  if (field === 'from' && message.includes('after'))
    return { field: 'from', text: web.t('audit.search.error.fromAfterTo') };
  const known = FIELDS.find((f) => f === field);
  return known
    ? { field: known, text: web.t(`audit.search.error.${known}`) }
    : { field: 'actor', text: web.t('audit.search.error.cursor') };
}

/**
 * The auditor's start page: find a case by its id, and who did what (by actor, case, event type and
 * days), a page at a time, through the API's audit routes.
 */
@Controller('audit')
export class AuditSearchController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get()
  async start(
    @Web() web: WebContext,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['auditor']))) return;
    const form: SearchForm = {
      actor: text(query.actor),
      caseId: text(query.caseId),
      type: text(query.type),
      from: text(query.from),
      to: text(query.to),
    };
    if (query.search !== '1') return this.page(web, res, form, []);
    const type = EXPEDIENTE_EVENT_TYPES.find((known) => known === form.type);
    if (form.type && !type) return this.page(web, res, form, [searchError(web, 'type', '')]);
    const cursor = text(query.cursor);
    const limit = /^\d{1,3}$/.test(text(query.limit))
      ? Math.min(200, Math.max(1, Number(query.limit)))
      : PAGE_SIZE;
    const { data, error, response } = await this.api.for(web).GET('/audit/activity', {
      params: {
        query: {
          ...(form.actor && { actor: form.actor }),
          ...(form.caseId && { caseId: form.caseId }),
          ...(type && { type }),
          // A day the page cannot read goes as typed, so the API names the field it cannot use.
          ...(form.from && { from: madridInstant(form.from) ?? form.from }),
          ...(form.to && { to: madridEndOfDay(form.to) ?? form.to }),
          ...(cursor && { cursor }),
          limit,
        },
      },
    });
    if (!data) {
      if (response.status !== 422) throw new Error(`audit activity: ${response.status}`);
      const errors = invalidFields(error).map((f) => searchError(web, f.field, f.message));
      return this.page(web, res, form, errors);
    }
    const filters = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ''));
    const href = (extra: Record<string, string>) =>
      `/audit?${new URLSearchParams({ ...filters, search: '1', ...(limit !== PAGE_SIZE && { limit: String(limit) }), ...extra }).toString()}`;
    this.page(web, res, form, [], {
      searched: true,
      rows: data.items.map((item) => ({
        ...item,
        who: whoOf(web.t, item),
        time: writtenInstant(web.lang, item.recordedAt),
        typeLabel: eventLabel(web.t, item.type),
      })),
      next: data.next ? href({ cursor: data.next }) : undefined,
      first: cursor ? href({}) : undefined,
      paging: Boolean(data.next ?? cursor),
    });
  }

  @Get('find')
  async find(
    @Web() web: WebContext,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['auditor']))) return;
    const caseId = text(query.caseId).toLowerCase();
    const blank: SearchForm = { actor: '', caseId: '', type: '', from: '', to: '' };
    if (!CASE_ID.test(caseId))
      return this.page(web, res, blank, [{ field: 'find-caseId', text: web.t('audit.find.error.format') }], {
        findValue: caseId,
      });
    const { response } = await this.api.for(web).GET('/audit/cases/{caseId}/history', {
      params: { path: { caseId }, query: { limit: 1 } },
    });
    if (response.status === 404)
      return this.page(
        web,
        res,
        blank,
        [{ field: 'find-caseId', text: web.t('audit.find.error.notFound') }],
        { findValue: caseId },
      );
    if (!response.ok) throw new Error(`audit find: ${response.status}`);
    res.redirect(303, `/audit/cases/${caseId}`);
  }

  private page(
    web: WebContext,
    res: Response,
    form: SearchForm,
    errors: FieldError[],
    data: Record<string, unknown> = {},
  ): void {
    sendPage(
      res,
      web,
      'audit/start',
      {
        form,
        types: EXPEDIENTE_EVENT_TYPES.map((type) => ({
          value: type,
          label: eventLabel(web.t, type),
          selected: type === form.type,
        })).sort((a, b) => a.label.localeCompare(b.label, web.lang)),
        ...data,
      },
      { title: 'audit.start.title', errors },
    );
  }
}
