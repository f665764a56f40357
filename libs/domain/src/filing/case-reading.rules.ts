/**
 * Who may read a filed case's personal data (its status, timeline and proof of receipt): judged
 * on the session reading now, with the powers as they stand now (ENS op.exp.8; GDPR art. 9).
 */
import type { Actor } from '../shared/command-metadata';
import { Forbidden, NotFound } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import { powerCovers } from '../power-of-attorney/power-of-attorney.rules';

export interface CaseParties {
  readonly caseId: string;
  readonly filer: string;
  readonly subject: string;
  readonly procedure: Procedure;
}

export type CaseReadBasis =
  | { readonly kind: 'own-name' }
  | { readonly kind: 'filer' }
  | { readonly kind: 'power-of-attorney'; readonly powerId: string };

/**
 * The subject reads their own case with any level; the filer who filed for them and a proxy
 * whose power covers the case's procedure now read it only with a high level, since Cl@ve
 * móvil acts only in one's own name. Anyone else gets 404: the case's existence is not theirs.
 */
export const mayReadCase = (
  actor: Actor,
  parties: CaseParties,
  powersOfAttorney: readonly PowerOfAttorney[],
  now: Date,
): CaseReadBasis => {
  const reader = normaliseIdentityNumber(actor.id);
  const basis = standingOnCase(reader, parties, powersOfAttorney, now);
  if (basis === undefined || !actor.roles.includes('citizen')) {
    throw new NotFound('CASE_NOT_FOUND', `There is no case ${parties.caseId} you can see.`, {
      caseId: parties.caseId,
    });
  }
  if (basis.kind !== 'own-name' && actor.levelOfAssurance === 'clave-movil') {
    throw new Forbidden(
      'LEVEL_OF_ASSURANCE_TOO_LOW',
      "Cl@ve móvil acts only in your own name: follow someone else's case with an electronic certificate or Cl@ve permanente.",
      { levelOfAssurance: actor.levelOfAssurance, required: ['certificate', 'clave-permanente'] },
    );
  }
  return basis;
};

const standingOnCase = (
  reader: string,
  parties: CaseParties,
  powersOfAttorney: readonly PowerOfAttorney[],
  on: Date,
): CaseReadBasis | undefined => {
  if (reader === parties.subject) return { kind: 'own-name' };
  if (reader === parties.filer) return { kind: 'filer' };
  const inForce = powersOfAttorney.find(
    (power) =>
      powerCovers(power, { principal: parties.subject, proxy: reader, procedure: parties.procedure, on })
        .inForce,
  );
  return inForce && inForce.status !== 'none'
    ? { kind: 'power-of-attorney', powerId: inForce.terms.powerId }
    : undefined;
};
