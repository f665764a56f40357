import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { REQUEST_ID_HEADER } from '@expediente/infra/logging/correlation';
import type { ApiProblem } from '../api-client';
import { renderError, sendPage } from '../views';
import type { WebContext } from '../web-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** The page a request for something that is not there (or not theirs) gets: the API says 404 for both. */
export function sendNotFound(res: Response, web: WebContext): void {
  res
    .status(404)
    .type('html')
    .send(renderError(web, 404, 'notFound'));
}

/** What a refusal says to the person: the API's localised detail, else a generic sentence. */
export const problemText = (web: WebContext, problem: ApiProblem): string =>
  problem.detail || web.t('citizen.problem.generic');

/** The levels of assurance a LEVEL_OF_ASSURANCE_TOO_LOW refusal names as enough. */
export function requiredLevels(error: unknown): string[] {
  if (typeof error !== 'object' || error === null || !('facts' in error)) return [];
  const facts = error.facts;
  if (typeof facts !== 'object' || facts === null || !('required' in facts)) return [];
  return Array.isArray(facts.required) ? facts.required.filter((x) => typeof x === 'string') : [];
}

/**
 * A too-low level of assurance is not an error: a page that says why (the API's own words, in
 * the page's language), what to log in with and a link to log in again that comes back here.
 */
export function sendAssuranceTooLow(res: Response, web: WebContext, refusal: unknown, backTo: string): void {
  const levels = requiredLevels(refusal);
  const enough = levels.length > 0 ? levels : ['certificate', 'clave-permanente'];
  const detail =
    typeof refusal === 'object' &&
    refusal !== null &&
    'detail' in refusal &&
    typeof refusal.detail === 'string'
      ? refusal.detail
      : '';
  sendPage(
    res,
    web,
    'citizen/assurance-too-low',
    {
      current: web.t(`login.level.${web.session?.principal.levelOfAssurance ?? 'clave-movil'}`),
      detail,
      enough: enough.map((level) => web.t(`login.level.${level}`)).join(web.t('citizen.assurance.or')),
      loginAgain: `/login?returnTo=${encodeURIComponent(backTo)}`,
    },
    { title: 'citizen.assurance.title', status: 403 },
  );
}

/** The headers the typed client sends, for the calls that stream bytes (uploads and downloads). */
function apiHeaders(web: WebContext): Record<string, string> {
  return {
    'accept-language': web.lang,
    [REQUEST_ID_HEADER]: web.requestId,
    ...(web.session && { authorization: `Bearer ${web.session.token}` }),
  };
}

/** A GET of bytes from the API (a PDF, a zip), for the page to stream on or to read its refusal. */
export function fetchBytes(baseUrl: string, web: WebContext, path: string): Promise<globalThis.Response> {
  return fetch(`${baseUrl}${path}`, { headers: apiHeaders(web), signal: AbortSignal.timeout(30_000) });
}

/** Passes the browser's multipart form to the API as it arrives: the page never holds the file. */
export function forwardMultipart(
  baseUrl: string,
  web: WebContext,
  path: string,
  req: Request,
): Promise<globalThis.Response> {
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: {
      ...apiHeaders(web),
      'content-type': req.header('content-type') ?? 'application/octet-stream',
      ...(req.header('content-length') && { 'content-length': req.header('content-length') ?? '' }),
    },
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: 'half',
    signal: AbortSignal.timeout(120_000),
  };
  return fetch(`${baseUrl}${path}`, init);
}

/** Streams an API answer of bytes to the browser with its type and disposition. */
export async function streamTo(
  res: Response,
  answer: globalThis.Response,
  disposition: string,
): Promise<void> {
  res.status(200);
  res.type(answer.headers.get('content-type') ?? 'application/octet-stream');
  res.setHeader('Content-Disposition', disposition);
  const length = answer.headers.get('content-length');
  if (length) res.setHeader('Content-Length', length);
  if (!answer.body) return void res.end();
  const body = Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.pipe(res);
  await new Promise<void>((resolve) => body.on('end', resolve).on('error', () => resolve()));
}

/** A refusal's problem body read from a raw answer (the typed client does it for JSON calls). */
export async function problemOf(answer: globalThis.Response): Promise<ApiProblem & { facts?: unknown }> {
  const body: unknown = await answer.json().catch(() => ({}));
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    status: answer.status,
    code: typeof record.code === 'string' ? record.code : 'ERROR',
    detail: typeof record.detail === 'string' ? record.detail : '',
    facts: record.facts,
  };
}
