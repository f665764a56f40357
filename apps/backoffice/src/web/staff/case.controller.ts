import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STAFF_DIRECTORY, StaffDirectory } from '@expediente/infra/staff/staff-directory.port';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { StaffApi, type StaffReview } from './staff-api';
import { namesOf, notFound, provinceName, seenFields } from './staff-pages';
import { noticeOf } from './queue.controller';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INLINE = /^(application\/pdf|image\/(png|jpeg|gif|webp))$/;

/** A case as its unit's staff see it: summary, documents, history, deadlines and what to do next. */
@Controller('staff/cases')
export class StaffCaseController {
  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
  ) {}

  @Get(':caseId')
  async view(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Query() query: Record<string, unknown>,
  ) {
    if (!(await this.sessions.require(web, req, res, ['reviewer', 'supervisor']))) return;
    if (!UUID.test(caseId)) return notFound(res, web);
    const api = new StaffApi(this.api, web);
    const found = await api.review(caseId);
    if (!found.ok) return notFound(res, web);
    const review = found.value;
    const [deadlines, caseFile, timeline, documents, names] = await Promise.all([
      api.deadlines(caseId),
      api.caseFile(caseId),
      api.timeline(caseId),
      api.documents(caseId),
      namesOf(this.directory, review.unit.id),
    ]);
    const me = web.session!.principal;
    const mine = review.reviewerId === me.subject;
    const open = (document: { contentType: string }) => INLINE.test(document.contentType);
    const actions = actionsFor(review, me.subject, me.roles);
    const notYours =
      review.reviewerId && !mine && ['assigned', 'evaluated'].includes(review.status)
        ? (names.get(review.reviewerId) ?? review.reviewerId)
        : undefined;
    const chosen =
      typeof query.document === 'string' ? documents?.find((d) => d.blobHash === query.document) : undefined;
    sendPage(
      res,
      web,
      'staff/case',
      {
        review,
        shortId: caseId.slice(0, 8),
        procedureLabel: web.t(`staff.procedure.${review.procedure}`),
        statusLabel: web.t(`staff.status.${review.status}`),
        provinceLabel: provinceName(review.provinceCode),
        assignee: review.reviewerId ? (names.get(review.reviewerId) ?? review.reviewerId) : undefined,
        registryEntry: caseFile?.registryEntry ?? undefined,
        outcomeLabel: review.resolution ? web.t(`staff.outcome.${review.resolution.outcome}`) : undefined,
        documents: documents?.map((d) => ({
          ...d,
          href: `/staff/cases/${caseId}/documents/${d.blobHash}`,
          viewHref: `/staff/cases/${caseId}?document=${d.blobHash}#viewer`,
          inline: open(d),
          kb: Math.max(1, Math.round(d.size / 1024)),
        })),
        viewer:
          chosen && open(chosen)
            ? { ...chosen, href: `/staff/cases/${caseId}/documents/${chosen.blobHash}` }
            : undefined,
        timeline,
        deadlines: deadlines.ok ? deadlineRows(web, deadlines.value) : undefined,
        actions,
        notYours,
        anyAction: notYours !== undefined || Object.values(actions).some(Boolean),
        reviewers: [...names].map(([id, name]) => ({ id, name })).filter((r) => r.id !== review.reviewerId),
        seen: seenFields(review, timeline),
        returnTo: `/staff/cases/${caseId}`,
      },
      {
        title: 'staff.case.title',
        titleParams: { case: caseId.slice(0, 8) },
        notice: noticeOf(web, query),
        back: '/staff/queue',
      },
    );
  }

  /** The document as the API serves it: inline for PDFs and images (the viewer's iframe), else a download. */
  @Get(':caseId/documents/:blobHash')
  async document(
    @Web() web: WebContext,
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('blobHash') blobHash: string,
  ) {
    if (!(await this.sessions.require(web, req, res, ['reviewer', 'supervisor']))) return;
    if (!UUID.test(caseId) || !/^[0-9a-f]{64}$/.test(blobHash)) return notFound(res, web);
    const response = await new StaffApi(this.api, web).document(caseId, blobHash);
    if (!response) return notFound(res, web);
    const type = response.headers.get('content-type') ?? 'application/octet-stream';
    res.status(200).type(type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader(
      'Content-Disposition',
      response.headers.get('content-disposition') ??
        (INLINE.test(type.split(';')[0]!) ? 'inline' : 'attachment'),
    );
    res.send(Buffer.from(await response.arrayBuffer()));
  }
}

type Deadlines = Extract<Awaited<ReturnType<StaffApi['deadlines']>>, { ok: true }>['value'];

export function deadlineRows(web: WebContext, d: Deadlines) {
  const province = d.province.name;
  return {
    province,
    community: d.province.community,
    informationRequest: d.informationRequest,
    steps: d.steps.map((s) => ({
      ...s,
      stepLabel: web.t(`staff.step.${s.step}`),
      counts:
        s.count === 'business'
          ? web.t('staff.deadlines.business', { days: s.days, province })
          : web.t('staff.deadlines.calendar', { days: s.days }),
    })),
    holidays: d.holidays.map((h) => ({ ...h, scopeLabel: web.t(`staff.scope.${h.scope}`) })),
  };
}

function actionsFor(review: StaffReview, me: string, roles: readonly string[]) {
  const mine = review.reviewerId === me;
  return {
    claim: review.status === 'open' && roles.includes('reviewer'),
    assign:
      roles.includes('supervisor') &&
      ['open', 'assigned', 'awaiting-citizen', 'evaluated'].includes(review.status),
    requestInformation: mine && review.status === 'assigned',
    evaluate: mine && review.status === 'assigned',
    resolve: mine && review.status === 'evaluated',
    waiting: review.status === 'awaiting-citizen',
  };
}
