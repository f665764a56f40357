/**
 * Who may open and answer a notification, and when it is deemed rejected (Order ISM/903/2020;
 * Law 39/2015 arts. 41 and 43; seed 003).
 */
import { addCalendarDays, madridDateOf, type IsoDate } from '../shared/calendar';
import type { Actor, LevelOfAssurance } from '../shared/command-metadata';
import { Forbidden, ValidationError, type Fact } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import { powerCovers } from '../power-of-attorney/power-of-attorney.rules';
import { endOfMadridDay } from '../calendar/madrid-time';
import { isSha256Hex } from '../shared/sha256';
import type { NotificationActorBasis, NotificationActorRecord } from './notification.events';

/** Law 39/2015 art. 43.2: ten calendar days (not business days) without access. */
export const DAYS_TO_ACCESS = 10;

/**
 * Days are counted from the day after availability (art. 30.3) and the whole tenth day is
 * available, so the deemed rejection takes effect when that Madrid day ends.
 */
export const deemedRejectionOf = (
  madeAvailableAt: Date,
): { lastDayToAccess: IsoDate; deemedRejectedAt: string } => {
  const lastDayToAccess = addCalendarDays(madridDateOf(madeAvailableAt), DAYS_TO_ACCESS);
  return { lastDayToAccess, deemedRejectedAt: endOfMadridDay(lastDayToAccess).toISOString() };
};

export const documentHashMustBeSha256 = (documentHash: string): string => {
  const hash = documentHash.toLowerCase();
  if (!isSha256Hex(hash)) {
    throw new ValidationError('INVALID_DOCUMENT_HASH', 'The document hash must be a sha-256 in hex.', {
      documentHash,
    });
  }
  return hash;
};

const HIGH_LEVELS: readonly LevelOfAssurance[] = ['certificate', 'clave-permanente'];

const levelTooLow = (
  levelOfAssurance: LevelOfAssurance,
  required: readonly LevelOfAssurance[],
  why: string,
) => new Forbidden('LEVEL_OF_ASSURANCE_TOO_LOW', why, { levelOfAssurance, required });

export interface NotificationAct {
  readonly addressee: string;
  readonly specialCategory: boolean;
  readonly powersOfAttorney: readonly PowerOfAttorney[];
  readonly on: Date;
}

export type NotificationStanding =
  { readonly basis: NotificationActorBasis } | { readonly basis: null; readonly powers: Fact };

/**
 * Who `actorId` is to the notification at instant `on`: its addressee, a proxy by a power in
 * force for 'notifications' (judged by the power rule, so revoked, void and expired powers
 * count for nothing), or nobody — with each power's reason, for the refusal.
 */
export const standingOnNotification = (
  actorId: string,
  act: Omit<NotificationAct, 'specialCategory'>,
): NotificationStanding => {
  const actedBy = normaliseIdentityNumber(actorId);
  if (actedBy === act.addressee) return { basis: { kind: 'own-name' } };
  const verdicts = act.powersOfAttorney.map((power) => ({
    power,
    coverage: powerCovers(power, {
      principal: act.addressee,
      proxy: actedBy,
      procedure: 'notifications',
      on: act.on,
    }),
  }));
  const inForce = verdicts.find(({ coverage }) => coverage.inForce)?.power;
  if (inForce && inForce.status !== 'none') {
    return { basis: { kind: 'power-of-attorney', powerId: inForce.terms.powerId } };
  }
  return {
    basis: null,
    powers: verdicts.map(({ power, coverage }) => ({
      powerId: power.status === 'none' ? null : power.terms.powerId,
      reason: coverage.inForce ? null : coverage.reason,
    })),
  };
};

/** Acting on a notification is a citizen's act (in their own name or as a proxy), whatever else the session may do. */
const sessionMustBeCitizen = (actor: Actor): void => {
  if (!actor.roles.includes('citizen')) {
    throw new Forbidden('FORBIDDEN_ROLE', 'Log in as a citizen to open or answer notifications.', {
      requiredRoles: ['citizen'],
    });
  }
};

/**
 * The addressee acts in their own name; anyone else needs a power in force covering
 * 'notifications' and, as a proxy, an electronic certificate. Special-category notifications
 * never open with Cl@ve móvil. Judged on the session acting now, for every act and every
 * read. Returns who acted for whom, for the proof of delivery.
 */
export const actorMayActOnNotification = (actor: Actor, act: NotificationAct): NotificationActorRecord => {
  const actedBy = normaliseIdentityNumber(actor.id);
  const { levelOfAssurance } = actor;
  const standing = standingOnNotification(actedBy, act);
  if (standing.basis === null) {
    throw new Forbidden(
      'NOT_THE_ADDRESSEE',
      'Only the addressee, or a proxy holding a power of attorney in force for notifications, may open this notification.',
      { powers: standing.powers },
    );
  }
  sessionMustBeCitizen(actor);
  const record = { actedBy, onBehalfOf: act.addressee, levelOfAssurance, basis: standing.basis };
  if (standing.basis.kind === 'power-of-attorney' && levelOfAssurance !== 'certificate') {
    throw levelTooLow(
      levelOfAssurance,
      ['certificate'],
      "A proxy must identify with an electronic certificate to manage someone else's notifications.",
    );
  }
  if (act.specialCategory && !HIGH_LEVELS.includes(levelOfAssurance)) {
    throw levelTooLow(
      levelOfAssurance,
      HIGH_LEVELS,
      'This notification contains special-category data (such as health data): open it with an electronic certificate or Cl@ve permanente.',
    );
  }
  return record;
};

/** Accepting or rejecting signs it: Cl@ve permanente confirms with the SMS code, certificates sign directly. */
export const answerMustBeSigned = (levelOfAssurance: LevelOfAssurance, otpVerified: boolean): void => {
  if (levelOfAssurance === 'clave-permanente' && !otpVerified) {
    throw new Forbidden(
      'SIGNATURE_OTP_REQUIRED',
      'Enter the one-time code sent by SMS to your registered mobile to sign your answer to the notification.',
      { levelOfAssurance },
    );
  }
};
