import {
  calculateJwkThumbprint,
  errors,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { isValidIdentityNumber, parseIdentityNumber } from '@expediente/domain/reference/identity-number';
import { IdentityProvider, InvalidToken, IssuedToken, Principal } from './identity-provider.port';
import { principalSchema } from './principal.schema';
import { generateSigningKey, loadOrCreateSigningKey, SIGNING_ALGORITHM } from './identity-signing-key';

export const LOCAL_ISSUER = 'expediente-local-idp';
export const LOCAL_AUDIENCE = 'expediente';
/** A working day, so a developer or tester logs in once a day. */
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;

export interface LocalIdentityProviderOptions {
  /** A directory (DATA_DIR/keys) keeps the key across restarts; 'in-memory' gives a fresh key (tests). */
  readonly keys: { readonly dir: string } | 'in-memory';
  readonly now?: () => Date;
}

/**
 * Development stand-in for Cl@ve and certificate login: it signs whatever principal it is asked
 * to, so it must only be reachable through the dev login, never in production.
 */
export class LocalIdentityProvider implements IdentityProvider {
  static async create(options: LocalIdentityProviderOptions): Promise<LocalIdentityProvider> {
    const privateJwk =
      options.keys === 'in-memory'
        ? await generateSigningKey()
        : await loadOrCreateSigningKey(options.keys.dir);
    const { d: _private, ...publicJwk } = privateJwk;
    return new LocalIdentityProvider(
      (await importJWK(privateJwk, SIGNING_ALGORITHM)) as CryptoKey,
      (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey,
      await calculateJwkThumbprint(publicJwk as JWK),
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly keyId: string,
    private readonly now: () => Date,
  ) {}

  /** Refuses a subject that is not a valid DNI/NIE with the domain's INVALID_IDENTITY_NUMBER. */
  async issueToken(principal: Principal, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS): Promise<IssuedToken> {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
      throw new RangeError('ttlSeconds must be a positive integer');
    const subject = parseIdentityNumber(principal.subject, 'subject').value;
    const normalised = toPrincipal(principalSchema.parse({ ...principal, subject }));
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = issuedAt + ttlSeconds;
    const token = await new SignJWT({
      name: normalised.name,
      roles: normalised.roles,
      loa: normalised.levelOfAssurance,
      unit: normalised.unit,
      mobile: normalised.mobile,
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.keyId, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.privateKey);
    return { token, principal: normalised, expiresAt: new Date(expiresAt * 1000) };
  }

  async verifyToken(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: [SIGNING_ALGORITHM],
        requiredClaims: ['sub', 'iat', 'exp'],
        currentDate: this.now(),
      }));
    } catch (error) {
      throw invalidTokenFrom(error);
    }
    return principalFromClaims(payload);
  }
}

function principalFromClaims(payload: JWTPayload): Principal {
  const parsed = principalSchema.safeParse({
    subject: payload.sub,
    name: payload.name,
    roles: payload.roles,
    levelOfAssurance: payload.loa,
    unit: payload.unit,
    mobile: payload.mobile,
  });
  // We only sign valid principals, so this guards against a key used by another issuer's code.
  if (!parsed.success || !isValidIdentityNumber(parsed.data.subject)) {
    throw new InvalidToken('bad-claims', 'The token does not describe a valid principal.');
  }
  return toPrincipal(parsed.data);
}

/** Absent optional fields stay absent, so principals compare and serialise cleanly. */
function toPrincipal(data: Principal): Principal {
  const { subject, name, roles, levelOfAssurance, unit, mobile } = data;
  return {
    subject,
    name,
    roles,
    levelOfAssurance,
    ...(unit === undefined ? {} : { unit }),
    ...(mobile === undefined ? {} : { mobile }),
  };
}

function invalidTokenFrom(error: unknown): InvalidToken {
  if (error instanceof errors.JWTExpired)
    return new InvalidToken('expired', 'The token has expired; log in again.');
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidToken('bad-signature', 'The token signature does not verify.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === 'iss' || error.claim === 'aud'
      ? new InvalidToken('wrong-issuer-or-audience', 'The token was not issued for this service.')
      : new InvalidToken('bad-claims', `The token's "${error.claim}" claim is not acceptable.`);
  }
  return new InvalidToken('malformed', 'The token is not a signed JWT we accept.');
}
