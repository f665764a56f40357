import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { PrincipalRole } from '@expediente/infra/identity/identity-provider.port';
import { FORM_STASH, FormStash } from '@expediente/infra/web/form-stash.port';
import { renderError } from '../views';
import type { WebContext, WebSession } from '../web-context';
import { clearCookie, cookieOptions, readCookie, STASH_COOKIE } from './cookies';

/**
 * The session a page needs, or the way to get one that loses nothing: a form sent after the
 * session expired is kept (form-stash.port.ts) and offered back on the same page after logging in.
 */
@Injectable()
export class Sessions {
  constructor(@Inject(FORM_STASH) private readonly stash: FormStash) {}

  /**
   * The session when it has one of `roles`; otherwise the response is already sent (the log-in
   * page, or a 403 page for a person without the role) and the page handler just returns.
   */
  async require(
    web: WebContext,
    req: Request,
    res: Response,
    roles: readonly PrincipalRole[],
  ): Promise<WebSession | undefined> {
    const session = web.session;
    if (session) {
      if (roles.some((role) => session.principal.roles.includes(role))) return session;
      res
        .status(403)
        .type('html')
        .send(renderError(web, 403, 'forbidden'));
      return undefined;
    }
    if (req.method === 'POST' && typeof req.body === 'object' && req.body !== null) {
      const fields = Object.fromEntries(
        Object.entries(req.body as Record<string, unknown>).flatMap(([key, value]) =>
          key !== '_csrf' && typeof value === 'string' ? [[key, value]] : [],
        ),
      );
      if (Object.keys(fields).length > 0) {
        const id = await this.stash.keep({ path: req.path, fields });
        res.cookie(STASH_COOKIE, id, cookieOptions(req, { maxAge: 24 * 3600 * 1000 }));
      }
      res.redirect(303, `/login?returnTo=${encodeURIComponent(req.path)}`);
      return undefined;
    }
    res.redirect(303, `/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
    return undefined;
  }

  /** What the person had typed on this page before their session expired, once; else undefined. */
  async restored(req: Request, res: Response): Promise<Readonly<Record<string, string>> | undefined> {
    const id = readCookie(req, STASH_COOKIE);
    if (!id) return undefined;
    const form = await this.stash.take(id);
    clearCookie(req, res, STASH_COOKIE);
    if (!form) return undefined;
    if (form.path !== req.path) {
      // Kept for another page: put it back for that one.
      const again = await this.stash.keep(form);
      res.cookie(STASH_COOKIE, again, cookieOptions(req, { maxAge: 24 * 3600 * 1000 }));
      return undefined;
    }
    return form.fields;
  }
}
