import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { PrincipalRole } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard, ROLES_KEY } from './auth.guard';

// The bearer requirement is documented once, by each route's @Operation (a second one here
// listed it twice in the OpenAPI document).

/** Any logged-in principal. */
export const Authenticated = (): ReturnType<typeof applyDecorators> => applyDecorators(UseGuards(AuthGuard));

/**
 * A logged-in principal with at least one of the roles. It applies the guard itself: roles
 * metadata on a route the guard does not run on would let everybody through, silently.
 */
export const Roles = (...roles: [PrincipalRole, ...PrincipalRole[]]): ReturnType<typeof applyDecorators> =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(AuthGuard));
