import { randomUUID } from 'node:crypto';
import type { Actor, CommandMetadata } from '@expediente/domain';
import type { Principal, PrincipalRole } from '@expediente/infra/identity/identity-provider.port';
import { processClock } from '@expediente/infra/clock/clock';
import { currentCorrelationId } from '@expediente/infra/logging/correlation';

export function actorOf(principal: Principal): Actor {
  return {
    id: principal.subject,
    name: principal.name,
    ...(principal.unit && { unit: principal.unit }),
    // Operators run the system; they never act in a case, so the domain has no such role.
    roles: principal.roles.filter((role): role is Exclude<PrincipalRole, 'operator'> => role !== 'operator'),
    levelOfAssurance: principal.levelOfAssurance,
  };
}

/**
 * The metadata every command carries: who (verified), when (the server's clock), and why.
 * The correlation id is the HTTP request's, so its log lines and those of the jobs its
 * events cause can be found together.
 */
export function metadataFor(
  principal: Principal,
  extra: { idempotencyKey?: string; correlationId?: string; now?: Date } = {},
): CommandMetadata {
  return {
    now: extra.now ?? processClock.now(),
    actor: actorOf(principal),
    correlationId: extra.correlationId ?? currentCorrelationId() ?? randomUUID(),
    ...(extra.idempotencyKey && { idempotencyKey: extra.idempotencyKey }),
  };
}
