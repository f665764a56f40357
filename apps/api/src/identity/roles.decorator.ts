import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { PrincipalRole } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard, ROLES_KEY } from './auth.guard';

/** Any logged-in principal. */
export const Authenticated = (): ReturnType<typeof applyDecorators> =>
  applyDecorators(UseGuards(AuthGuard), ApiBearerAuth());

/**
 * A logged-in principal with at least one of the roles. It applies the guard itself: roles
 * metadata on a route the guard does not run on would let everybody through, silently.
 */
export const Roles = (...roles: [PrincipalRole, ...PrincipalRole[]]): ReturnType<typeof applyDecorators> =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(AuthGuard), ApiBearerAuth());
