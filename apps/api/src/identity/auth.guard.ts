import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import {
  IDENTITY_PROVIDER,
  IdentityProvider,
  InvalidToken,
  Principal,
  PrincipalRole,
} from '@expediente/infra/identity/identity-provider.port';
import { ApiProblem } from '../problem/api-problem';

export const ROLES_KEY = 'expediente:roles';

export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Bearer token → verified principal on the request, then the route's role check. Apply it with
 * @Authenticated() or @Roles(...) (roles.decorator.ts); @Operation documents the route as secured.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request, http.getResponse<Response>());
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<PrincipalRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && required.length > 0 && !required.some((role) => principal.roles.includes(role))) {
      throw new ApiProblem(
        403,
        'FORBIDDEN_ROLE',
        'Not allowed for your role',
        `This needs one of these roles: ${required.join(', ')}.`,
        { requiredRoles: required },
      );
    }
    return true;
  }

  private async authenticate(request: Request, response: Response): Promise<Principal> {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      // RFC 6750: a 401 tells the client which scheme to use.
      response.setHeader('WWW-Authenticate', 'Bearer realm="expediente"');
      throw new ApiProblem(
        401,
        'UNAUTHENTICATED',
        'Authentication required',
        'Log in and send the token as "Authorization: Bearer <token>".',
      );
    }
    try {
      return await this.identity.verifyToken(token);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      response.setHeader('WWW-Authenticate', 'Bearer realm="expediente", error="invalid_token"');
      throw new ApiProblem(401, 'INVALID_TOKEN', 'Invalid token', error.message, { reason: error.reason });
    }
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
