/**
 * Rules on powers of attorney, used both when deciding and when a filing or a notification
 * access asks whether a power is in force.
 */
import { isBefore, madridDateOf, type IsoDate } from '../shared/calendar';
import { NotFound, ValidationError } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import type { PowerOfAttorney } from './power-of-attorney.decider';
import type { Procedure } from './power-of-attorney.events';

/** Order ISM/189/2021 came into force on this day and voided every earlier power. */
export const POWER_REGISTER_IN_FORCE_SINCE: IsoDate = '2021-04-02';

const isVoidByDate = (date: IsoDate): boolean => isBefore(date, POWER_REGISTER_IN_FORCE_SINCE);

/**
 * Refuses a power dated before the register existed: both the day it is granted and the day
 * it starts to apply, since a power cannot reach back into the voided period.
 */
export const powerMustNotPredateRegister = (dates: { grantedOn: IsoDate; validFrom: IsoDate }): void => {
  for (const [field, date] of Object.entries(dates)) {
    if (isVoidByDate(date)) {
      throw new ValidationError(
        'POWER_VOID_BEFORE_2021_04_02',
        'Powers of attorney dated before 2 April 2021 are void (Order ISM/189/2021); grant a new power in the register.',
        { field, date, registerInForceSince: POWER_REGISTER_IN_FORCE_SINCE },
      );
    }
  }
};

export type PowerCoverageReason =
  | 'not-granted'
  | 'other-parties'
  | 'void-by-date'
  | 'revoked'
  | 'not-accepted'
  | 'not-yet-valid'
  | 'expired'
  | 'procedure-not-covered';

export type PowerCoverage =
  { readonly inForce: true } | { readonly inForce: false; readonly reason: PowerCoverageReason };

export interface CoverageQuestion {
  readonly principal: string;
  readonly proxy: string;
  readonly procedure: Procedure;
  /** The instant of the act (e.g. the filing's registry timestamp). */
  readonly on: Date;
}

const notInForce = (reason: PowerCoverageReason): PowerCoverage => ({ inForce: false, reason });

/**
 * Whether a power lets `proxy` act for `principal` in `procedure` at instant `on`. Validity
 * dates are Madrid calendar days (both ends included); acceptance and revocation are instants,
 * so a filing made in the morning stands even if the power is revoked that afternoon.
 */
export const powerCovers = (power: PowerOfAttorney, question: CoverageQuestion): PowerCoverage => {
  if (power.status === 'none') return notInForce('not-granted');
  const { terms } = power;
  if (terms.principal !== question.principal || terms.proxy !== question.proxy)
    return notInForce('other-parties');
  if (isVoidByDate(madridDateOf(new Date(terms.grantedAt))) || isVoidByDate(terms.validFrom)) {
    return notInForce('void-by-date');
  }
  const at = question.on.getTime();
  if (power.status === 'revoked' && Date.parse(power.revokedAt) <= at) return notInForce('revoked');
  const acceptedAt = power.status === 'granted' ? undefined : power.acceptedAt;
  if (acceptedAt === undefined || Date.parse(acceptedAt) > at) return notInForce('not-accepted');
  const day = madridDateOf(question.on);
  if (isBefore(day, terms.validFrom)) return notInForce('not-yet-valid');
  if (isBefore(terms.validUntil, day)) return notInForce('expired');
  if (!terms.procedures.includes(question.procedure)) return notInForce('procedure-not-covered');
  return { inForce: true };
};

export type RecordedPower = Exclude<PowerOfAttorney, { readonly status: 'none' }>;

/**
 * A power is its two parties' business: the principal and the proxy see it, whatever its
 * status; anyone else learns nothing, not even that it exists.
 */
export const powerMustBeVisibleTo = (
  actorId: string,
  power: PowerOfAttorney,
  powerId: string,
): RecordedPower => {
  const reader = normaliseIdentityNumber(actorId);
  if (power.status === 'none' || (reader !== power.terms.principal && reader !== power.terms.proxy)) {
    throw new NotFound('POWER_NOT_FOUND', `There is no power of attorney ${powerId} of yours.`, { powerId });
  }
  return power;
};
