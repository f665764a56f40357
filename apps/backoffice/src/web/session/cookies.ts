import type { CookieOptions, Request, Response } from 'express';

/** The session: the identity provider's token, which the pages send on to the API as a bearer. */
export const SESSION_COOKIE = 'expediente_session';
/** The language the person chose, remembered for a year. */
export const LANGUAGE_COOKIE = 'expediente_lang';
/** The CSRF secret the forms' tokens are derived from (signed double-submit, OWASP). */
export const CSRF_COOKIE = 'expediente_csrf';
/** A form kept across an expired session (form-stash.port.ts), by id. */
export const STASH_COOKIE = 'expediente_form';

/** HttpOnly and SameSite=Lax always; Secure whenever the request came over TLS (TRUST_PROXY behind a proxy). */
export function cookieOptions(req: Request, extra: CookieOptions = {}): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', ...extra };
}

export function readCookie(req: Request, name: string): string | undefined {
  const value: unknown = req.cookies?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function clearCookie(req: Request, res: Response, name: string): void {
  res.clearCookie(name, cookieOptions(req));
}
