import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed double-submit CSRF tokens (OWASP): the browser holds a random secret in an HttpOnly
 * cookie, every form carries HMAC(key, secret). A site that cannot read our cookie cannot make
 * the token, and SameSite=Lax already keeps the session cookie off cross-site POSTs.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(key: string | undefined) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  newSecret(): string {
    return randomBytes(24).toString('base64url');
  }

  tokenFor(secret: string): string {
    return createHmac('sha256', this.key).update(secret).digest('base64url');
  }

  matches(secret: string | undefined, token: unknown): boolean {
    if (!secret || typeof token !== 'string' || token.length > 128) return false;
    const expected = Buffer.from(this.tokenFor(secret));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
