import type { Response } from 'express';
import { MAX_TOTAL_ATTACHMENT_BYTES, medicalUnitFor, PROVINCES } from '@expediente/domain';
import type { FieldError } from '../views';
import { renderError } from '../views';
import type { WebContext } from '../web-context';
import type { Draft, Refusal, Slug } from './filing-api';

/** A form field of a page: its input's id (what the error summary links to) and the text for a malformed value. */
export interface PageField {
  readonly id: string;
  readonly message: string;
}

/** Which field of the page an API field path (`beneficiaries.0.name`, `beneficiaries[0].name`) belongs to. */
export type FieldOf = (apiField: string) => PageField | undefined;

/** Refusals that name their field by code rather than in their facts. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  BENEFIT_REQUEST_REF_REQUIRED: 'benefitRequestRef',
  UNKNOWN_PROVINCE: 'provinceCode',
  LEVEL_OF_ASSURANCE_TOO_LOW: 'subject',
  REMARKS_NOT_ALLOWED_WITH_FORM: 'remarks',
  SIGNING_CODE_WRONG: 'signingCode',
  SIGNING_CODE_EXPIRED: 'signingCode',
  SIGNING_CODE_NOT_REQUESTED: 'signingCode',
  SIGNING_CODE_ATTEMPTS_EXHAUSTED: 'signingCode',
};

/**
 * An API refusal as the page's error summary: each field the API names, linked to its input,
 * with the API's own detail (already in the person's language) or, for a malformed value, the
 * page's text for that field; what names no field goes to `fallback`.
 */
export function errorsOf(
  web: WebContext,
  refusal: Refusal,
  fieldOf: FieldOf,
  fallback: string,
): FieldError[] {
  if (refusal.code === 'API_UNREACHABLE')
    return [{ field: fallback, text: web.t('filing.error.unreachable') }];
  if (refusal.code === 'CONCURRENT_MODIFICATION')
    return [{ field: fallback, text: web.t('filing.error.concurrent') }];
  const listed = refusal.facts.fields;
  if (Array.isArray(listed) && listed.length > 0) {
    const errors = new Map<string, string>();
    for (const item of listed) {
      const path = typeof item === 'object' && item !== null && 'field' in item ? String(item.field) : '';
      const field = fieldOf(path);
      if (field) errors.set(field.id, web.t(field.message));
      else errors.set(fallback, refusal.detail);
    }
    return [...errors].map(([field, text]) => ({ field, text }));
  }
  const named = typeof refusal.facts.field === 'string' ? refusal.facts.field : FIELD_OF_CODE[refusal.code];
  const field = named === undefined ? undefined : fieldOf(named);
  return [{ field: field?.id ?? fallback, text: refusal.detail || web.t('filing.error.unreachable') }];
}

/** The root name of an API field path: `beneficiaries.0.name` → `beneficiaries`. */
export const rootOf = (path: string): string => path.split(/[.[]/)[0] ?? '';

/** A 404 page for a filing the person cannot see, or that is not there. */
export function sendNotFound(res: Response, web: WebContext): void {
  res
    .status(404)
    .type('html')
    .send(renderError(web, 404, 'notFound'));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isCaseId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Every province for a select, by name, the chosen one marked. */
export function provinceOptions(selected: string | undefined) {
  return [...PROVINCES]
    .sort((a, b) => a.name.localeCompare(b.name, 'es'))
    .map((p) => ({ value: p.code, label: p.name, selected: p.code === selected }));
}

/** The medical unit a province's filings go to (INSS division, or ICAM in Catalonia), for the check page. */
export function unitName(provinceCode: string): string {
  try {
    return medicalUnitFor(provinceCode).name;
  } catch {
    return provinceCode;
  }
}

export function provinceName(provinceCode: string): string {
  return PROVINCES.find((p) => p.code === provinceCode)?.name ?? provinceCode;
}

/** The Madrid time of an instant ("10:42"), for a code's expiry. */
export function timeOf(web: WebContext, instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  const locale = { es: 'es-ES', ca: 'ca-ES', en: 'en-GB' }[web.lang];
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Madrid' }).format(at);
}

/** Sizes as people read them, in the page's language ("1,5 MB"). */
export function sizeOf(web: WebContext, bytes: number): string {
  const locale = { es: 'es-ES', ca: 'ca-ES', en: 'en-GB' }[web.lang];
  const [value, unit] =
    bytes < 1024 ? [bytes, 'B'] : bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.floor(value * 10) / 10)} ${unit}`;
}

/** The draft's documents as the documents and check pages show them. */
export function documentsOf(web: WebContext, draft: Draft) {
  const used = draft.attachments.reduce((sum, a) => sum + a.size, 0);
  return {
    used,
    left: Math.max(0, MAX_TOTAL_ATTACHMENT_BYTES - used),
    usedText: sizeOf(web, used),
    leftText: sizeOf(web, Math.max(0, MAX_TOTAL_ATTACHMENT_BYTES - used)),
    items: draft.attachments.map((a) => ({
      blobHash: String(a.blobHash),
      filename: a.filename,
      kind: web.t(`filing.kind.${a.kind}`),
      size: sizeOf(web, a.size),
    })),
  };
}

/** Where a draft's pages are, and the order of its steps. */
export const draftPath = (slug: Slug, caseId: string, step: string) =>
  `/citizen/filings/${slug}/${caseId}/${step}`;

export const STEPS: Readonly<Record<Slug, readonly string[]>> = {
  'medical-reports': ['details', 'documents', 'check'],
  'entitlement-applications': ['details', 'beneficiaries', 'paper', 'documents', 'remarks', 'check'],
};

/** The step after `step`, or the check page when the person came from it to change one answer. */
export function nextStep(slug: Slug, caseId: string, step: string, backToCheck: boolean): string {
  if (backToCheck) return draftPath(slug, caseId, 'check');
  const steps = STEPS[slug];
  return draftPath(slug, caseId, steps[steps.indexOf(step) + 1] ?? 'check');
}

export function previousStep(slug: Slug, caseId: string, step: string): string | undefined {
  const steps = STEPS[slug];
  const before = steps[steps.indexOf(step) - 1];
  return before === undefined ? undefined : draftPath(slug, caseId, before);
}

/** A form field's value: strings only (a repeated or nested field reads as absent). */
export function fieldOfBody(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The version a form was rendered from (its If-Match), when it carries a well-formed one. */
export function versionOf(body: unknown): number | undefined {
  const value = fieldOfBody(body, 'version');
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
