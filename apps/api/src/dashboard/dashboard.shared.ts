import { Forbidden, medicalUnitFor, PROVINCES } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { ApiProblem } from '../problem/api-problem';

const UNITS: ReadonlySet<string> = new Set(PROVINCES.map((province) => medicalUnitFor(province.code).id));

/** Units are public; their work is not: staff see only their own unit's. */
export function ownUnit(principal: Principal, unit: string): string {
  if (!UNITS.has(unit)) {
    throw new ApiProblem(404, 'UNKNOWN_UNIT', 'Unknown unit', `There is no medical unit "${unit}".`, {
      unit,
    });
  }
  if (principal.unit !== unit) {
    throw new Forbidden('WRONG_UNIT', 'Staff see only the dashboard and cases of their own unit.', {
      unit,
      actorUnit: principal.unit ?? null,
    });
  }
  return unit;
}

export const UNIT_REFUSALS = [
  { status: 403, codes: ['FORBIDDEN_ROLE', 'WRONG_UNIT'] },
  { status: 404, codes: ['UNKNOWN_UNIT'] },
] as const;
