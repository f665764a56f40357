import { PEOPLE, metadataFor } from '../shared/fixtures.testing';
import { fromOutside, spec } from '../shared/given-when-then.testing';
import type { GrantPower } from './power-of-attorney.commands';
import {
  evolve,
  initialState,
  powerOfAttorneyDecider,
  type PowerOfAttorney,
} from './power-of-attorney.decider';
import type {
  PowerAccepted,
  PowerGranted,
  PowerOfAttorneyEvent,
  PowerRevoked,
} from './power-of-attorney.events';
import { powerCovers, powerMustBeVisibleTo } from './power-of-attorney.rules';

const { ana: principal, bruno: proxy, carmen: stranger } = PEOPLE;
const powerId = 'power-1';
const given = spec(powerOfAttorneyDecider).given;

const grant = (data: Partial<GrantPower['data']> = {}, now?: string): GrantPower => ({
  type: 'GrantPower',
  data: {
    powerId,
    proxy,
    procedures: ['medical-report-submission'],
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    ...data,
  },
  metadata: metadataFor(principal, { now: now ?? '2025-12-15T09:00:00.000Z' }),
});

const granted = (data: Partial<PowerGranted['data']> = {}): PowerGranted => ({
  type: 'PowerGranted',
  data: {
    powerId,
    principal,
    proxy,
    procedures: ['medical-report-submission'],
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    grantedAt: '2025-12-15T09:00:00.000Z',
    ...data,
  },
});
const accepted: PowerAccepted = {
  type: 'PowerAccepted',
  data: { powerId, proxy, acceptedAt: '2025-12-16T09:00:00.000Z' },
};
const revoked: PowerRevoked = {
  type: 'PowerRevoked',
  data: { powerId, principal, revokedAt: '2026-06-01T10:00:00.000Z' },
};

const accept = (actor: string = proxy, now?: string) => ({
  type: 'AcceptPower' as const,
  data: { powerId },
  metadata: metadataFor(actor, now ? { now } : {}),
});
const revoke = (actor: string = principal) => ({
  type: 'RevokePower' as const,
  data: { powerId, reason: 'no longer needed' },
  metadata: metadataFor(actor, { now: '2026-06-01T10:00:00.000Z' }),
});

describe('power of attorney: granting', () => {
  it('grants a power from the acting principal to the proxy', () =>
    given([])
      .when(grant({ proxy: 'x-1234567-l', procedures: ['notifications', 'notifications'] }))
      .then([granted({ proxy: stranger, procedures: ['notifications'] })]));

  it('refuses a power starting before 2 April 2021, when earlier powers became void', () =>
    given([])
      .when(grant({ validFrom: '2021-04-01' }))
      .thenThrows('POWER_VOID_BEFORE_2021_04_02', { facts: { field: 'validFrom', date: '2021-04-01' } }));

  it('refuses a power granted before 2 April 2021', () =>
    given([])
      .when(grant({ validFrom: '2021-04-02' }, '2021-03-31T12:00:00.000Z'))
      .thenThrows('POWER_VOID_BEFORE_2021_04_02', { facts: { field: 'grantedOn', date: '2021-03-31' } }));

  it('accepts a power starting on 2 April 2021', () =>
    given([])
      .when(grant({ validFrom: '2021-04-02' }, '2021-04-02T08:00:00.000Z'))
      .then([granted({ validFrom: '2021-04-02', grantedAt: '2021-04-02T08:00:00.000Z' })]));

  it('refuses a period that ends before it starts', () =>
    given([])
      .when(grant({ validUntil: '2025-12-31' }))
      .thenThrows('POWER_PERIOD_INVALID'));

  it('refuses a malformed validity date', () =>
    given([])
      .when(grant({ validUntil: '2026-02-30' }))
      .thenThrows('INVALID_DATE'));

  it('refuses a power covering no procedure', () =>
    given([])
      .when(grant({ procedures: [] }))
      .thenThrows('POWER_PROCEDURES_REQUIRED'));

  it('refuses a power granted to oneself', () =>
    given([])
      .when(grant({ proxy: principal }))
      .thenThrows('POWER_TO_SELF'));

  it('refuses a proxy without a valid DNI/NIE', () =>
    given([])
      .when(grant({ proxy: '12345678A' }))
      .thenThrows('INVALID_IDENTITY_NUMBER'));

  it('refuses a command the aggregate does not know', () =>
    given([])
      .when(fromOutside({ type: 'ForgePower', data: {}, metadata: metadataFor(principal) }))
      .thenThrows('UNKNOWN_COMMAND'));

  it('refuses granting the same power twice', () =>
    given([granted()]).when(grant()).thenThrows('POWER_ALREADY_GRANTED', { kind: 'conflict' }));
});

describe('power of attorney: accepting and revoking', () => {
  it('lets the proxy accept', () =>
    given([granted()]).when(accept(proxy, '2025-12-16T09:00:00.000Z')).then([accepted]));

  it('refuses acceptance by anyone but the proxy', () =>
    given([granted()]).when(accept(stranger)).thenThrows('ONLY_PROXY_MAY_ACCEPT', { kind: 'forbidden' }));

  it('refuses accepting twice', () =>
    given([granted(), accepted]).when(accept()).thenThrows('POWER_ALREADY_ACCEPTED'));

  it('refuses accepting a revoked power', () =>
    given([granted(), revoked]).when(accept()).thenThrows('POWER_ALREADY_REVOKED'));

  it('refuses accepting an expired power', () =>
    given([granted({ validUntil: '2026-11-22' })])
      .when(accept())
      .thenThrows('POWER_EXPIRED'));

  it('refuses accepting a power that does not exist', () =>
    given([]).when(accept()).thenThrows('POWER_NOT_FOUND', { kind: 'not-found' }));

  it('lets the principal revoke', () =>
    given([granted(), accepted])
      .when(revoke())
      .then([{ ...revoked, data: { ...revoked.data, reason: 'no longer needed' } }]));

  it('refuses revocation by anyone but the principal', () =>
    given([granted()]).when(revoke(proxy)).thenThrows('ONLY_PRINCIPAL_MAY_REVOKE', { kind: 'forbidden' }));

  it('refuses revoking twice', () =>
    given([granted(), revoked]).when(revoke()).thenThrows('POWER_ALREADY_REVOKED'));
});

describe('power of attorney: in force or not', () => {
  const fold = (events: readonly PowerOfAttorneyEvent[]): PowerOfAttorney =>
    events.reduce(evolve, initialState());
  const ask = (power: PowerOfAttorney, overrides: Partial<Parameters<typeof powerCovers>[1]> = {}) =>
    powerCovers(power, {
      principal,
      proxy,
      procedure: 'medical-report-submission',
      on: new Date('2026-03-10T10:00:00.000Z'),
      ...overrides,
    });

  it('is in force once accepted, for a covered procedure, within its period', () => {
    expect(ask(fold([granted(), accepted]))).toEqual({ inForce: true });
  });

  it('includes both ends of the validity period, in Madrid days', () => {
    const power = fold([granted(), accepted]);
    expect(ask(power, { on: new Date('2025-12-31T23:30:00.000Z') })).toEqual({ inForce: true });
    expect(ask(power, { on: new Date('2026-12-31T22:59:00.000Z') })).toEqual({ inForce: true });
    expect(ask(power, { on: new Date('2025-12-31T22:59:00.000Z') })).toEqual({
      inForce: false,
      reason: 'not-yet-valid',
    });
    expect(ask(power, { on: new Date('2026-12-31T23:00:00.000Z') })).toEqual({
      inForce: false,
      reason: 'expired',
    });
  });

  it('is not in force before the proxy accepts', () => {
    expect(ask(fold([granted()]))).toEqual({ inForce: false, reason: 'not-accepted' });
  });

  it('is not in force from the instant it is revoked', () => {
    const power = fold([granted(), accepted, revoked]);
    expect(ask(power, { on: new Date('2026-06-01T09:59:59.000Z') })).toEqual({ inForce: true });
    expect(ask(power, { on: new Date('2026-06-01T10:00:00.000Z') })).toEqual({
      inForce: false,
      reason: 'revoked',
    });
  });

  it('does not cover a procedure it does not name', () => {
    expect(ask(fold([granted(), accepted]), { procedure: 'entitlement-application' })).toEqual({
      inForce: false,
      reason: 'procedure-not-covered',
    });
  });

  it('is void when dated before 2 April 2021, even if recorded', () => {
    const legacy = fold([
      granted({ grantedAt: '2020-05-05T10:00:00.000Z', validFrom: '2020-05-05' }),
      accepted,
    ]);
    expect(ask(legacy)).toEqual({ inForce: false, reason: 'void-by-date' });
  });

  it('answers only for its own principal and proxy', () => {
    expect(ask(fold([granted(), accepted]), { proxy: stranger })).toEqual({
      inForce: false,
      reason: 'other-parties',
    });
  });

  it('is not in force when never granted', () => {
    expect(ask(initialState())).toEqual({ inForce: false, reason: 'not-granted' });
  });
});

describe('power of attorney: who sees it', () => {
  const power = [granted(), accepted, revoked].reduce(evolve, initialState());

  it('shows a power to its principal and its proxy, whatever its status', () => {
    expect(powerMustBeVisibleTo(principal, power, powerId)).toBe(power);
    expect(powerMustBeVisibleTo(proxy.toLowerCase(), power, powerId)).toBe(power);
  });

  it('hides a power from anyone else as if it did not exist', () => {
    expect(() => powerMustBeVisibleTo(stranger, power, powerId)).toThrow(
      expect.objectContaining({ code: 'POWER_NOT_FOUND', kind: 'not-found', facts: { powerId } }),
    );
    expect(() => powerMustBeVisibleTo(principal, initialState(), powerId)).toThrow(
      expect.objectContaining({ code: 'POWER_NOT_FOUND' }),
    );
  });
});
