import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import type { Language, Translate } from './i18n/catalog';

/** Who is looking at a page, in which language, and the token their forms must carry. */
export interface WebContext {
  readonly lang: Language;
  readonly t: Translate;
  /** The CSRF token every form of this page carries as `_csrf`. */
  readonly csrf: string;
  readonly session?: WebSession;
  /** The request carried a session cookie that is no longer valid (expired, or the keys changed). */
  readonly sessionExpired: boolean;
  readonly requestId: string;
  /** The path of this page (no query), for the language links and the way back after logging in. */
  readonly path: string;
  /** The query string without `lang`, to keep on the language links. */
  readonly query: string;
}

export interface WebSession {
  readonly token: string;
  readonly principal: Principal;
}

const contexts = new WeakMap<Request, WebContext>();

export function attachWebContext(req: Request, context: WebContext): void {
  contexts.set(req, context);
}

/** The context the web middleware built; every page route runs behind it. */
export function webContextOf(req: Request): WebContext {
  const context = contexts.get(req);
  if (!context)
    throw new Error(`No web context for ${req.method} ${req.path}: is WebContextMiddleware applied?`);
  return context;
}

export function maybeWebContextOf(req: Request): WebContext | undefined {
  return contexts.get(req);
}

/** `@Web() web: WebContext` in a page controller. */
export const Web = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  webContextOf(ctx.switchToHttp().getRequest<Request>()),
);
