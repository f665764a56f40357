import type { PrincipalRole } from '@expediente/infra/identity/identity-provider.port';

/** Where a person lands after logging in: their own first page. */
export function homeOf(roles: readonly PrincipalRole[]): string {
  if (roles.includes('citizen')) return '/citizen/cases';
  if (roles.includes('reviewer')) return '/staff/my-work';
  if (roles.includes('supervisor')) return '/staff/dashboard';
  if (roles.includes('auditor')) return '/audit';
  if (roles.includes('operator')) return '/operator';
  return '/';
}

/** Only a path on this site ("/citizen/cases?x=1"), never another origin ("//evil", "https://…"). */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  if (!/^\/(?![/\\])[\w\-./?=&%~]*$/.test(value)) return undefined;
  return value;
}
