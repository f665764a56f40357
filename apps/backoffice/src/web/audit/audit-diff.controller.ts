import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { notFound } from './audit-case.controller';
import { CASE_ID, eventLabel, invalidFields, whoOf } from './audit-labels';
import { caseEvents, type CaseDiff } from './case-history';
import { writtenInstant } from './madrid-time';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const LONG = 60;

/**
 * A value before or after, as text an auditor can read: strings as they are, anything else as JSON;
 * a long one pretty-printed in a box of its own. Absent (undefined) is not the value null.
 */
function shown(value: unknown): { text: string; long: boolean } | undefined {
  if (value === undefined) return undefined;
  const flat = typeof value === 'string' ? value : JSON.stringify(value);
  return flat.length <= LONG
    ? { text: flat, long: false }
    : { text: typeof value === 'string' ? value : JSON.stringify(value, null, 2), long: true };
}

/**
 * What changed in a case between two points of its history: field by field, before and after,
 * which events changed each and who did them with which level of assurance.
 */
@Controller('audit/cases')
export class AuditDiffController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  @Get(':caseId/diff')
  async diff(
    @Web() web: WebContext,
    @Param('caseId') caseId: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['auditor']))) return;
    if (!CASE_ID.test(caseId)) return notFound(web, res);
    const api = this.api.for(web);
    const history = await caseEvents(api, caseId);
    if (!history.found) {
      if (history.status === 404) return notFound(web, res);
      throw new Error(`audit diff: ${history.status}`);
    }
    const { events } = history;
    const from = text(query.from) || '0';
    const to = text(query.to) || String(events[events.length - 1]?.position ?? 0);
    const { data, error, response } = await api.GET('/audit/cases/{caseId}/diff', {
      params: { path: { caseId }, query: { from, to } },
    });
    if (response.status === 404) return notFound(web, res);
    if (!data && response.status !== 422) throw new Error(`audit diff: ${response.status}`);
    const errors: FieldError[] = invalidFields(error).map(({ field, message }) =>
      field === 'from' && message.includes('after')
        ? { field: 'from', text: web.t('audit.diff.error.order') }
        : field === 'to'
          ? { field: 'to', text: web.t('audit.diff.error.to') }
          : { field: 'from', text: web.t('audit.diff.error.from') },
    );
    const options = (chosen: string) => {
      const known = [
        { value: '0', label: web.t('audit.diff.start') },
        ...events.map((event) => ({
          value: String(event.position),
          label: web.t('audit.diff.option', {
            position: event.position,
            type: eventLabel(web.t, event.type),
            time: writtenInstant(web.lang, event.recordedAt),
          }),
        })),
      ];
      // A point given as an instant (or one no event is at) is kept as it was asked.
      const all = known.some((o) => o.value === chosen)
        ? known
        : [...known, { value: chosen, label: writtenInstant(web.lang, chosen) }];
      return all.map((o) => ({ ...o, selected: o.value === chosen }));
    };
    sendPage(
      res,
      web,
      'audit/diff',
      {
        caseId,
        fromOptions: options(from),
        toOptions: options(to),
        diff: data && this.view(web, data),
        historyHref: `/audit/cases/${caseId}`,
      },
      { title: 'audit.diff.title', errors, back: `/audit/cases/${caseId}` },
    );
  }

  private view(web: WebContext, diff: CaseDiff) {
    const steps = new Map(
      diff.events.map((event) => [
        event.eventId,
        {
          ...event,
          who: whoOf(web.t, event),
          time: writtenInstant(web.lang, event.recordedAt),
          typeLabel: eventLabel(web.t, event.type),
          paths: event.changes.map((c) => c.path),
        },
      ]),
    );
    return {
      from: diff.from.lastEvent?.position ?? 0,
      to: diff.to.lastEvent?.position ?? 0,
      count: diff.events.length,
      changes: diff.changes.map((change) => ({
        path: change.path,
        before: shown(change.from),
        after: shown(change.to),
        by: change.events.flatMap((id) => {
          const step = steps.get(id);
          return step ? [step] : [];
        }),
      })),
      steps: [...steps.values()],
    };
  }
}
