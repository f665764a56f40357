import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import type { AuthenticatedRequest } from './auth.guard';

/** The verified principal of a route guarded by @Authenticated() or @Roles(...). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    // A route without the guard is a programming error: fail loudly rather than act as nobody.
    if (!principal) throw new Error('@CurrentPrincipal() used on a route without AuthGuard');
    return principal;
  },
);
