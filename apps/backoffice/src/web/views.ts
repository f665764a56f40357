import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { Response } from 'express';
import { LANGUAGE_NAMES, LANGUAGES, translator, writtenDate, writtenDateTime } from './i18n/catalog';
import type { WebContext } from './web-context';

/**
 * Server-rendered pages: one Handlebars environment, HTML-escaped by default, templates and
 * partials (templates/partials) compiled once. Every text goes through `{{t "key"}}`, in the
 * page's language; `{{t "key" name=value}}` fills `{name}`.
 */
const hbs = Handlebars.create();
const TEMPLATES = join(__dirname, 'templates');

for (const file of readdirSync(join(TEMPLATES, 'partials'))) {
  if (file.endsWith('.hbs'))
    hbs.registerPartial(basename(file, '.hbs'), readFileSync(join(TEMPLATES, 'partials', file), 'utf8'));
}

/** The page context a helper runs in (every page renders with `web` at its root). */
function webOf(options: Handlebars.HelperOptions): WebContext | undefined {
  const root: unknown = options.data?.root;
  return typeof root === 'object' && root !== null && 'web' in root ? (root.web as WebContext) : undefined;
}

hbs.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) =>
  (webOf(options)?.t ?? translator('es'))(String(key), options.hash),
);
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hbs.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
hbs.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
/** A day ('YYYY-MM-DD') or an instant, written out in the page's language ("3 de marzo de 2026"). */
hbs.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) =>
  typeof value === 'string' && value ? writtenDate(webOf(options)?.lang ?? 'es', value) : '',
);
/** An instant as day and Madrid time ("3 de marzo de 2026, 10:42"). */
hbs.registerHelper('dateTime', (value: unknown, options: Handlebars.HelperOptions) =>
  typeof value === 'string' && value ? writtenDateTime(webOf(options)?.lang ?? 'es', value) : '',
);

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(name: string): Handlebars.TemplateDelegate {
  let found = compiled.get(name);
  if (!found) {
    found = hbs.compile(readFileSync(join(TEMPLATES, `${name}.hbs`), 'utf8'), { strict: false });
    compiled.set(name, found);
  }
  return found;
}

export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly current: boolean;
}

/** The menu follows the person's roles; staff, auditors and operators each see their own places. */
function navigation(web: WebContext): NavItem[] {
  const roles = web.session?.principal.roles ?? [];
  const items: [string, string][] = [];
  if (roles.includes('citizen'))
    items.push(
      ['/citizen/cases', 'nav.myCases'],
      ['/citizen/filings/new', 'nav.newFiling'],
      ['/citizen/notifications', 'nav.notifications'],
      ['/citizen/powers', 'nav.powers'],
      ['/citizen/settings', 'nav.settings'],
    );
  if (roles.includes('reviewer')) items.push(['/staff/my-work', 'nav.myWork']);
  if (roles.includes('reviewer') || roles.includes('supervisor')) items.push(['/staff/queue', 'nav.queue']);
  if (roles.includes('supervisor')) items.push(['/staff/dashboard', 'nav.dashboard']);
  if (roles.includes('auditor')) items.push(['/audit', 'nav.audit']);
  if (roles.includes('operator')) items.push(['/operator', 'nav.operator']);
  return items.map(([href, key]) => ({
    href,
    label: web.t(key),
    current: web.path === href || web.path.startsWith(`${href}/`),
  }));
}

export interface PageOptions {
  /** The message key of the page's title (`<title>` and, usually, its h1). */
  readonly title: string;
  readonly titleParams?: Readonly<Record<string, unknown>>;
  /** Field errors: the error summary at the top links to each field by id. */
  readonly errors?: readonly FieldError[];
  /** A one-line message at the top of the page (a success, or a note). */
  readonly notice?: string;
  /** "Back" link target. */
  readonly back?: string;
}

export interface FieldError {
  /** The id of the input the error belongs to (the summary links to `#field`). */
  readonly field: string;
  /** Already translated. */
  readonly text: string;
}

/** A page in the layout: title, menu, language links, error summary, the body template. */
export function renderPage(
  web: WebContext,
  name: string,
  data: Readonly<Record<string, unknown>>,
  options: PageOptions,
): string {
  const errors = options.errors ?? [];
  const errorOf = Object.fromEntries(errors.map((e) => [e.field, e.text]));
  const root = { ...data, web, errors, errorOf, csrf: web.csrf };
  const body = template(name)(root);
  const title = web.t(options.title, options.titleParams);
  return template('layout')({
    web,
    lang: web.lang,
    title: errors.length > 0 ? `${web.t('errors.prefix')} ${title}` : title,
    body,
    errors,
    notice: options.notice,
    back: options.back,
    nav: navigation(web),
    languages: LANGUAGES.map((code) => ({
      code,
      name: LANGUAGE_NAMES[code],
      current: code === web.lang,
      href: `${web.path}?${new URLSearchParams([...new URLSearchParams(web.query), ['lang', code]]).toString()}`,
    })),
    principal: web.session?.principal,
    csrf: web.csrf,
  });
}

export function sendPage(
  res: Response,
  web: WebContext,
  name: string,
  data: Readonly<Record<string, unknown>>,
  options: PageOptions & { readonly status?: number },
): void {
  res
    .status(options.status ?? (options.errors?.length ? 422 : 200))
    .type('html')
    .send(renderPage(web, name, data, options));
}

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'badRequest' | 'internal';

export function renderError(web: WebContext, status: number, kind: ErrorKind): string {
  return renderPage(web, 'error', { kind, status }, { title: `errors.${kind}.title` });
}
