import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { writtenDate } from '../i18n/catalog';
import { FieldError, sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import type { Beneficiary, Draft, DraftChanges } from './filing-api';
import { DraftLoader, LoadedDraft, representing } from './draft-loader';
import { detailsFields } from './filing-start.controller';
import {
  documentsOf,
  draftPath,
  errorsOf,
  FieldOf,
  fieldOfBody,
  nextStep,
  previousStep,
  provinceName,
  provinceOptions,
  rootOf,
  unitName,
  versionOf,
} from './filing-pages';

const beneficiaryFields: FieldOf = (path) => {
  if (rootOf(path) !== 'beneficiaries') return undefined;
  if (path.endsWith('name')) return { id: 'beneficiaryName', message: 'filing.beneficiaries.error.name' };
  if (path.endsWith('identityNumber'))
    return { id: 'beneficiaryIdentity', message: 'filing.beneficiaries.error.identity' };
  return { id: 'birthDay', message: 'filing.beneficiaries.error.birthDate' };
};
const paperFields: FieldOf = () => ({ id: 'paper', message: 'filing.paper.error' });
const remarksFields: FieldOf = () => ({ id: 'remarks', message: 'filing.remarks.error' });

/** Day, month and year as typed, as the API's YYYY-MM-DD when they are numbers (else as typed, for the API to refuse). */
function dateOf(day: string, month: string, year: string): string {
  const digits = /^\d{1,4}$/;
  if (digits.test(day) && digits.test(month) && /^\d{4}$/.test(year))
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return `${year}-${month}-${day}`;
}

const QUESTIONS = ['details', 'beneficiaries', 'paper', 'remarks'];
/** The question a request is for: the last segment of its path, one of QUESTIONS by the route. */
const stepOf = (req: Request): string => req.path.split('/').pop() ?? '';

type Values = Readonly<Record<string, string | undefined>>;

/**
 * The guided questions of a draft, one thing per page, each saved to the server-side draft with
 * If-Match (the version the page was rendered from), then the check-your-answers page.
 */
@Controller('citizen/filings/:slug/:caseId')
export class FilingStepsController {
  constructor(@Inject(DraftLoader) private readonly drafts: DraftLoader) {}

  @Get(QUESTIONS)
  async show(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const step = stepOf(req);
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    const { draft, restored } = loaded;
    const values: Values = restored ?? {
      benefitRequestRef: draft.benefitRequestRef,
      provinceCode: draft.provinceCode,
      paper: draft.paperOptOut === undefined ? undefined : draft.paperOptOut ? 'no' : 'yes',
      remarks: draft.remarks,
      next: fieldOfBody(req.query, 'next'),
    };
    this.send(res, web, step, draft, values, [], restored && web.t('session.restored'));
  }

  @Post(QUESTIONS)
  async save(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ): Promise<void> {
    const step = stepOf(req);
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    const { draft } = loaded;
    const values: Values = Object.fromEntries(
      [
        'benefitRequestRef',
        'provinceCode',
        'paper',
        'remarks',
        'next',
        'action',
        'beneficiaryName',
        'beneficiaryIdentity',
        'birthDay',
        'birthMonth',
        'birthYear',
        'remove',
      ].map((name) => [name, fieldOfBody(body, name)]),
    );
    const backToCheck = values.next === 'check';
    const ahead = nextStep(draft.slug, draft.caseId, step, backToCheck);
    let changes: DraftChanges;
    let fields: FieldOf;
    let fallback: string;
    let stay: string | undefined;
    switch (step) {
      case 'details':
        changes = {
          benefitRequestRef: values.benefitRequestRef ?? '',
          provinceCode: values.provinceCode ?? '',
        };
        fields = detailsFields;
        fallback = 'provinceCode';
        break;
      case 'paper':
        if (values.paper !== 'yes' && values.paper !== 'no')
          return this.send(res, web, step, draft, values, [
            { field: 'paper', text: web.t('filing.paper.error') },
          ]);
        changes = { paperOptOut: values.paper === 'no' };
        fields = paperFields;
        fallback = 'paper';
        break;
      case 'remarks':
        changes = { remarks: values.remarks ?? '' };
        fields = remarksFields;
        fallback = 'remarks';
        break;
      default: {
        const current = draft.beneficiaries ?? [];
        if (values.action === 'continue') return res.redirect(303, ahead);
        if (values.remove !== undefined) {
          const index = Number(values.remove);
          const gone = current[index];
          if (!gone) return res.redirect(303, draftPath(draft.slug, draft.caseId, 'beneficiaries'));
          changes = { beneficiaries: current.filter((_, i) => i !== index) };
          stay = web.t('filing.beneficiaries.removed', { name: gone.name });
        } else {
          const identity = values.beneficiaryIdentity?.trim();
          const added: Beneficiary = {
            name: values.beneficiaryName ?? '',
            birthDate: dateOf(
              values.birthDay?.trim() ?? '',
              values.birthMonth?.trim() ?? '',
              values.birthYear?.trim() ?? '',
            ),
            ...(identity && { identityNumber: identity }),
          };
          changes = { beneficiaries: [...current, added] };
          stay = web.t('filing.beneficiaries.added', { name: added.name.trim() });
        }
        fields = beneficiaryFields;
        fallback = 'beneficiaryName';
      }
    }
    const saved = await loaded.api.update(draft.slug, draft.caseId, versionOf(body), changes);
    if (saved.ok) {
      if (stay === undefined) return res.redirect(303, ahead);
      const again = await loaded.api.view(draft.slug, draft.caseId);
      return this.send(res, web, step, again.ok ? again.value : draft, { next: values.next }, [], stay, 200);
    }
    const errors = errorsOf(web, saved.refusal, fields, fallback);
    const fresh =
      saved.refusal.code === 'CONCURRENT_MODIFICATION'
        ? await loaded.api.view(draft.slug, draft.caseId)
        : undefined;
    this.send(res, web, step, fresh?.ok ? fresh.value : draft, values, errors);
  }

  @Get('check')
  async check(
    @Web() web: WebContext,
    @Param('slug') slug: string,
    @Param('caseId') caseId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loaded = await this.drafts.load(web, req, res, slug, caseId);
    if (!loaded) return;
    sendPage(res, web, 'citizen-filing/check', checkAnswers(web, loaded), {
      title: 'filing.check.title',
      back: previousStep(loaded.draft.slug, loaded.draft.caseId, 'check'),
    });
  }

  private send(
    res: Response,
    web: WebContext,
    step: string,
    draft: Draft,
    values: Values,
    errors: FieldError[],
    notice?: string,
    status?: number,
  ): void {
    const reports = draft.slug === 'medical-reports';
    const common = {
      slug: draft.slug,
      action: draftPath(draft.slug, draft.caseId, step),
      version: draft.version,
      next: values.next === 'check' ? 'check' : '',
      forPerson: representing(draft) ? draft.subject : undefined,
      procedure: web.t(`filing.procedure.${draft.slug}`),
    };
    const back =
      values.next === 'check'
        ? draftPath(draft.slug, draft.caseId, 'check')
        : previousStep(draft.slug, draft.caseId, step);
    const options = { errors, notice, back, ...(status !== undefined && { status }) };
    switch (step) {
      case 'details':
        return sendPage(
          res,
          web,
          'citizen-filing/details',
          {
            ...common,
            reports,
            hidden: [
              { name: 'version', value: String(draft.version) },
              { name: 'next', value: common.next },
            ],
            benefitRequestRef: values.benefitRequestRef,
            provinces: provinceOptions(values.provinceCode),
          },
          { title: `filing.details.${draft.slug}.title`, ...options },
        );
      case 'paper':
        return sendPage(
          res,
          web,
          'citizen-filing/paper',
          {
            ...common,
            items: ['yes', 'no'].map((value) => ({
              value,
              label: web.t(`filing.paper.${value}`),
              checked: values.paper === value,
            })),
          },
          { title: 'filing.paper.title', ...options },
        );
      case 'remarks':
        return sendPage(
          res,
          web,
          'citizen-filing/remarks',
          { ...common, remarks: values.remarks },
          { title: 'filing.remarks.title', ...options },
        );
      default:
        return sendPage(
          res,
          web,
          'citizen-filing/beneficiaries',
          {
            ...common,
            beneficiaries: (draft.beneficiaries ?? []).map((b, index) => ({ ...b, index })),
            typed: errors.length > 0 ? values : {},
          },
          { title: 'filing.beneficiaries.title', ...options },
        );
    }
  }
}

/** The check-your-answers rows, each with the page that changes it. */
export function checkAnswers(web: WebContext, { draft }: LoadedDraft) {
  const change = (step: string) => `${draftPath(draft.slug, draft.caseId, step)}?next=check`;
  const documents = documentsOf(web, draft);
  const rows: { key: string; value: string; lines?: string[]; href?: string }[] = [
    { key: web.t('filing.check.procedure'), value: web.t(`filing.procedure.${draft.slug}`) },
    {
      key: web.t('filing.check.who'),
      value: representing(draft)
        ? web.t('filing.check.who.rep', { subject: draft.subject })
        : web.t('filing.check.who.own'),
    },
  ];
  if (draft.slug === 'medical-reports')
    rows.push({
      key: web.t('filing.ref.label'),
      value: draft.benefitRequestRef ?? '',
      href: change('details'),
    });
  rows.push(
    {
      key:
        draft.slug === 'medical-reports' ? web.t('filing.province.label') : web.t('filing.province.ea.label'),
      value: provinceName(draft.provinceCode),
      href: change('details'),
    },
    { key: web.t('filing.check.unit'), value: unitName(draft.provinceCode) },
  );
  if (draft.slug === 'entitlement-applications') {
    const beneficiaries = draft.beneficiaries ?? [];
    rows.push(
      {
        key: web.t('filing.beneficiaries.title'),
        value: beneficiaries.length === 0 ? web.t('filing.none') : '',
        lines: beneficiaries.map((b) => `${b.name} (${writtenDate(web.lang, b.birthDate)})`),
        href: change('beneficiaries'),
      },
      {
        key: web.t('filing.check.paper'),
        value: web.t(draft.paperOptOut ? 'filing.no' : 'filing.yes'),
        href: change('paper'),
      },
    );
  }
  rows.push({
    key: web.t('filing.check.documents'),
    value: documents.items.length === 0 ? web.t('filing.none') : '',
    lines: documents.items.map((d) => `${d.filename} (${d.kind}, ${d.size})`),
    href: change('documents'),
  });
  if (draft.slug === 'entitlement-applications')
    rows.push({
      key: web.t('filing.remarks.title'),
      value: draft.remarks || web.t('filing.none'),
      href: change('remarks'),
    });
  return {
    rows,
    procedure: web.t(`filing.procedure.${draft.slug}`),
    sign: draftPath(draft.slug, draft.caseId, 'sign'),
  };
}
