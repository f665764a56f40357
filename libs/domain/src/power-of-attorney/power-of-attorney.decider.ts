import { assertIsoDate, isBefore, madridDateOf, type IsoDate } from '../shared/calendar';
import type { Decider } from '../shared/decider';
import {
  Conflict,
  Forbidden,
  IllegalState,
  NotFound,
  ValidationError,
  unknownCommand,
} from '../shared/domain-error';
import { normaliseIdentityNumber, parseIdentityNumber } from '../reference/identity-number';
import type {
  AcceptPower,
  GrantPower,
  PowerOfAttorneyCommand,
  RevokePower,
} from './power-of-attorney.commands';
import { PROCEDURES, type PowerOfAttorneyEvent, type Procedure } from './power-of-attorney.events';
import { powerMustNotPredateRegister } from './power-of-attorney.rules';

export interface PowerTerms {
  readonly powerId: string;
  readonly principal: string;
  readonly proxy: string;
  readonly procedures: readonly Procedure[];
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly grantedAt: string;
}

/** A power revoked before acceptance keeps `acceptedAt` undefined: it never applied. */
export type PowerOfAttorney =
  | { readonly status: 'none' }
  | { readonly status: 'granted'; readonly terms: PowerTerms }
  | { readonly status: 'accepted'; readonly terms: PowerTerms; readonly acceptedAt: string }
  | {
      readonly status: 'revoked';
      readonly terms: PowerTerms;
      readonly acceptedAt?: string;
      readonly revokedAt: string;
    };

export const initialState = (): PowerOfAttorney => ({ status: 'none' });

export const evolve = (state: PowerOfAttorney, event: PowerOfAttorneyEvent): PowerOfAttorney => {
  switch (event.type) {
    case 'PowerGranted':
      return { status: 'granted', terms: event.data };
    case 'PowerAccepted':
      return state.status === 'granted'
        ? { status: 'accepted', terms: state.terms, acceptedAt: event.data.acceptedAt }
        : state;
    case 'PowerRevoked':
      if (state.status === 'none') return state;
      return {
        status: 'revoked',
        terms: state.terms,
        acceptedAt: state.status === 'granted' ? undefined : state.acceptedAt,
        revokedAt: event.data.revokedAt,
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

const notFound = (powerId: string) =>
  new NotFound('POWER_NOT_FOUND', `There is no power of attorney ${powerId}.`, { powerId });

export const grantPower = (
  { data, metadata }: GrantPower,
  state: PowerOfAttorney,
): PowerOfAttorneyEvent[] => {
  if (state.status !== 'none') {
    throw new Conflict('POWER_ALREADY_GRANTED', 'This power of attorney has already been granted.', {
      powerId: data.powerId,
    });
  }
  const principal = normaliseIdentityNumber(metadata.actor.id);
  const proxy = parseIdentityNumber(data.proxy, 'proxy').value;
  if (proxy === principal) {
    throw new ValidationError('POWER_TO_SELF', 'A power of attorney must be granted to someone else.', {
      proxy,
    });
  }
  const unknownProcedures = data.procedures.filter((procedure) => !PROCEDURES.includes(procedure));
  if (data.procedures.length === 0 || unknownProcedures.length > 0) {
    throw new ValidationError('POWER_PROCEDURES_REQUIRED', 'Name at least one procedure the power covers.', {
      allowed: PROCEDURES,
      unknown: unknownProcedures,
    });
  }
  const validFrom = assertIsoDate(data.validFrom, 'validFrom');
  const validUntil = assertIsoDate(data.validUntil, 'validUntil');
  if (isBefore(validUntil, validFrom)) {
    throw new ValidationError('POWER_PERIOD_INVALID', 'The power must end on or after the day it starts.', {
      validFrom,
      validUntil,
    });
  }
  powerMustNotPredateRegister({ grantedOn: madridDateOf(metadata.now), validFrom });
  return [
    {
      type: 'PowerGranted',
      data: {
        powerId: data.powerId,
        principal,
        proxy,
        procedures: [...new Set(data.procedures)],
        validFrom,
        validUntil,
        grantedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const acceptPower = (
  { data, metadata }: AcceptPower,
  state: PowerOfAttorney,
): PowerOfAttorneyEvent[] => {
  if (state.status === 'none') throw notFound(data.powerId);
  const proxy = normaliseIdentityNumber(metadata.actor.id);
  if (proxy !== state.terms.proxy) {
    throw new Forbidden('ONLY_PROXY_MAY_ACCEPT', 'Only the proxy named in the power may accept it.', {
      powerId: data.powerId,
    });
  }
  if (state.status === 'accepted') {
    throw new IllegalState('POWER_ALREADY_ACCEPTED', 'This power of attorney has already been accepted.', {
      powerId: data.powerId,
      acceptedAt: state.acceptedAt,
    });
  }
  if (state.status === 'revoked') {
    throw new IllegalState('POWER_ALREADY_REVOKED', 'This power of attorney was revoked by the principal.', {
      powerId: data.powerId,
      revokedAt: state.revokedAt,
    });
  }
  if (isBefore(state.terms.validUntil, madridDateOf(metadata.now))) {
    throw new IllegalState(
      'POWER_EXPIRED',
      'This power of attorney has expired and can no longer be accepted.',
      {
        powerId: data.powerId,
        validUntil: state.terms.validUntil,
      },
    );
  }
  return [
    { type: 'PowerAccepted', data: { powerId: data.powerId, proxy, acceptedAt: metadata.now.toISOString() } },
  ];
};

export const revokePower = (
  { data, metadata }: RevokePower,
  state: PowerOfAttorney,
): PowerOfAttorneyEvent[] => {
  if (state.status === 'none') throw notFound(data.powerId);
  const principal = normaliseIdentityNumber(metadata.actor.id);
  if (principal !== state.terms.principal) {
    throw new Forbidden(
      'ONLY_PRINCIPAL_MAY_REVOKE',
      'Only the principal who granted the power may revoke it.',
      {
        powerId: data.powerId,
      },
    );
  }
  if (state.status === 'revoked') {
    throw new IllegalState('POWER_ALREADY_REVOKED', 'This power of attorney was already revoked.', {
      powerId: data.powerId,
      revokedAt: state.revokedAt,
    });
  }
  return [
    {
      type: 'PowerRevoked',
      data: {
        powerId: data.powerId,
        principal,
        revokedAt: metadata.now.toISOString(),
        ...(data.reason === undefined ? {} : { reason: data.reason }),
      },
    },
  ];
};

export const decide = (command: PowerOfAttorneyCommand, state: PowerOfAttorney): PowerOfAttorneyEvent[] => {
  switch (command.type) {
    case 'GrantPower':
      return grantPower(command, state);
    case 'AcceptPower':
      return acceptPower(command, state);
    case 'RevokePower':
      return revokePower(command, state);
    default: {
      const unknown: never = command;
      throw unknownCommand(unknown);
    }
  }
};

export const powerOfAttorneyDecider: Decider<PowerOfAttorneyCommand, PowerOfAttorneyEvent, PowerOfAttorney> =
  {
    initialState,
    evolve,
    decide,
  };
