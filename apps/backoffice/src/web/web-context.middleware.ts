import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { IDENTITY_PROVIDER, IdentityProvider } from '@expediente/infra/identity/identity-provider.port';
import { requestIdOf } from '@expediente/infra/logging/correlation';
import { Language, LANGUAGES, languageOf, translator } from './i18n/catalog';
import {
  clearCookie,
  cookieOptions,
  CSRF_COOKIE,
  LANGUAGE_COOKIE,
  readCookie,
  SESSION_COOKIE,
} from './session/cookies';
import { CsrfTokens } from './session/csrf';
import { attachWebContext, WebSession } from './web-context';
import { renderError } from './views';

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Not pages: the queue board (its own UI, operator cookie SameSite=Strict), probes, metrics, assets. */
const NOT_PAGES = ['/queues', '/health', '/metrics', '/assets'];

export const isPage = (path: string) => !NOT_PAGES.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * Before every page: the language (`?lang=` chosen and remembered, else the cookie, else
 * Accept-Language, else Spanish), the session from its cookie, and the CSRF check of every
 * form sent. A form without a valid token changes nothing and gets a page that says why.
 */
@Injectable()
export class WebContextMiddleware implements NestMiddleware {
  private readonly csrf: CsrfTokens;

  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
    @Inject(ConfigService) config: TypedConfig,
  ) {
    this.csrf = new CsrfTokens(config.get('SESSION_SECRET', { infer: true }));
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!isPage(req.path)) return next();
    const lang = this.language(req, res);
    let secret = readCookie(req, CSRF_COOKIE);
    if (!secret) {
      secret = this.csrf.newSecret();
      res.cookie(CSRF_COOKIE, secret, cookieOptions(req));
    }
    const { session, expired } = await this.session(req, res);
    const query = new URLSearchParams(
      Object.entries(req.query).flatMap(([k, v]): [string, string][] =>
        k !== 'lang' && typeof v === 'string' ? [[k, v]] : [],
      ),
    ).toString();
    const context = {
      lang,
      t: translator(lang),
      csrf: this.csrf.tokenFor(secret),
      session,
      sessionExpired: expired,
      requestId: requestIdOf(req, res),
      path: req.path,
      query,
    };
    attachWebContext(req, context);
    if (!SAFE_METHODS.has(req.method)) {
      const sent: unknown = req.body?._csrf ?? req.header('x-csrf-token') ?? req.query._csrf;
      if (!this.csrf.matches(readCookie(req, CSRF_COOKIE), sent)) {
        res
          .status(403)
          .type('html')
          .send(renderError(context, 403, 'csrf'));
        return;
      }
    }
    next();
  }

  private language(req: Request, res: Response): Language {
    const asked = LANGUAGES.find((l) => l === req.query.lang);
    if (asked) {
      res.cookie(LANGUAGE_COOKIE, asked, cookieOptions(req, { maxAge: ONE_YEAR_MS }));
      return asked;
    }
    const remembered = LANGUAGES.find((l) => l === readCookie(req, LANGUAGE_COOKIE));
    return remembered ?? languageOf(req.header('accept-language'));
  }

  private async session(req: Request, res: Response): Promise<{ session?: WebSession; expired: boolean }> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return { expired: false };
    try {
      return { session: { token, principal: await this.identity.verifyToken(token) }, expired: false };
    } catch {
      clearCookie(req, res, SESSION_COOKIE);
      return { expired: true };
    }
  }
}
