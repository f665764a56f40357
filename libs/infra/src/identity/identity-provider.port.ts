import type { LevelOfAssurance, Role } from '@expediente/domain/shared/command-metadata';

/**
 * Who may log in. The domain's roles where they fit; `operator` runs the system (it is never a
 * command's actor), and `representative` / `red-authorised` are not logins but relations the
 * domain checks per case, so the identity provider does not assert them.
 */
export const PRINCIPAL_ROLES = [
  'citizen',
  'reviewer',
  'supervisor',
  'auditor',
  'operator',
  'integrator',
] as const satisfies readonly (Role | 'operator')[];
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

export const LEVELS_OF_ASSURANCE = [
  'certificate',
  'clave-permanente',
  'clave-movil',
] as const satisfies readonly LevelOfAssurance[];

/** The person behind a request, as the identity provider asserts them. */
export interface Principal {
  /** Normalised DNI/NIE (upper case, no separators): the same id the domain's Actor carries. */
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly PrincipalRole[];
  readonly levelOfAssurance: LevelOfAssurance;
  /** Staff only: the medical unit whose queue they work ('INSS-28', 'ICAM'). */
  readonly unit?: string;
  /** E.164; where one-time signing codes are sent. */
  readonly mobile?: string;
}

export interface IssuedToken {
  readonly token: string;
  /** The principal as the token carries it (normalised), i.e. what verifyToken will return. */
  readonly principal: Principal;
  readonly expiresAt: Date;
}

/** Real Cl@ve and certificate login live outside the system; this port is all we rely on. */
export interface IdentityProvider {
  issueToken(principal: Principal, ttlSeconds?: number): Promise<IssuedToken>;
  /** Resolves with the principal or rejects with InvalidToken, never anything else for a bad token. */
  verifyToken(token: string): Promise<Principal>;
}

export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');

export type InvalidTokenReason =
  'malformed' | 'bad-signature' | 'expired' | 'wrong-issuer-or-audience' | 'bad-claims';

/** A token we cannot trust; the reason is for logs and the problem detail, never for branching clients. */
export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';

  constructor(
    readonly reason: InvalidTokenReason,
    message: string,
  ) {
    super(message);
  }
}
