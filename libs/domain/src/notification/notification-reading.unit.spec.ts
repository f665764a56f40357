import { PEOPLE, blobHash } from '../shared/fixtures.testing';
import type { Actor, LevelOfAssurance, Role } from '../shared/command-metadata';
import { isDomainError, type DomainErrorCode, type Facts } from '../shared/domain-error';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import { notificationDecider } from './notification.decider';
import type { NotificationEvent } from './notification.events';
import { mayReadNotificationDocument, notificationMustBeVisibleTo } from './notification-reading.rules';

const { ana: addressee, bruno: proxy, carmen: stranger } = PEOPLE;
const notificationId = 'notification-1';
const now = new Date('2026-11-25T09:00:00.000Z');

const madeAvailable = (specialCategory: boolean): NotificationEvent => ({
  type: 'NotificationMadeAvailable',
  data: {
    notificationId,
    addressee,
    subject: 'Resolución del expediente 2026/000123',
    caseId: 'case-1',
    documentHash: blobHash(9),
    specialCategory,
    madeAvailableAt: '2026-11-23T10:00:00.000Z',
    lastDayToAccess: '2026-12-03',
    deemedRejectedAt: '2026-12-03T23:00:00.000Z',
  },
});

/** Opened once, with a certificate: the session that reads later may be another one. */
const openedWithCertificate = (by: string): NotificationEvent => ({
  type: 'NotificationAccessed',
  data: {
    notificationId,
    actedBy: by,
    onBehalfOf: addressee,
    basis: by === addressee ? { kind: 'own-name' } : { kind: 'power-of-attorney', powerId: 'power-1' },
    levelOfAssurance: 'certificate',
    accessedAt: '2026-11-24T09:00:00.000Z',
  },
});

const power = (overrides: Partial<{ revokedAt: string }> = {}): PowerOfAttorney => {
  const terms = {
    powerId: 'power-1',
    principal: addressee,
    proxy,
    procedures: ['notifications'] as const,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    grantedAt: '2025-12-15T09:00:00.000Z',
  };
  const acceptedAt = '2025-12-16T09:00:00.000Z';
  return overrides.revokedAt
    ? { status: 'revoked', terms, acceptedAt, revokedAt: overrides.revokedAt }
    : { status: 'accepted', terms, acceptedAt };
};

const session = (id: string, levelOfAssurance: LevelOfAssurance, roles: Role[] = ['citizen']): Actor => ({
  id,
  roles,
  levelOfAssurance,
});

/** given past events, when `reader` asks for the document with `powers`, then it is served or refused. */
const given = (events: readonly NotificationEvent[]) => {
  const state = events.reduce(notificationDecider.evolve, notificationDecider.initialState());
  return {
    whenRead: (reader: Actor, powers: readonly PowerOfAttorney[] = []) => {
      const read = () => mayReadNotificationDocument(reader, state, powers, now, notificationId);
      return {
        thenServed: (basis: { kind: string }) => expect(read()).toMatchObject({ actedBy: reader.id, basis }),
        thenRefused: (code: DomainErrorCode, facts?: Facts) => {
          let error: unknown;
          try {
            read();
          } catch (thrown) {
            error = thrown;
          }
          if (!isDomainError(error)) throw new Error(`expected ${code}, got ${String(error)}`);
          expect(error.code).toBe(code);
          if (facts) expect(error.facts).toMatchObject(facts);
        },
      };
    },
  };
};

describe('reading a notification’s document: judged on the session reading now', () => {
  it('serves the addressee who opened it, with any high level, on a special-category notification', () => {
    given([madeAvailable(true), openedWithCertificate(addressee)])
      .whenRead(session(addressee, 'clave-permanente'))
      .thenServed({ kind: 'own-name' });
  });

  it('refuses a Cl@ve móvil session of an addressee who opened it earlier with a certificate', () =>
    given([madeAvailable(true), openedWithCertificate(addressee)])
      .whenRead(session(addressee, 'clave-movil'))
      .thenRefused('LEVEL_OF_ASSURANCE_TOO_LOW', { required: ['certificate', 'clave-permanente'] }));

  it('serves an ordinary notification to the addressee’s Cl@ve móvil session', () =>
    given([madeAvailable(false), openedWithCertificate(addressee)])
      .whenRead(session(addressee, 'clave-movil'))
      .thenServed({ kind: 'own-name' }));

  it('serves a proxy with a power in force reading with a certificate', () =>
    given([madeAvailable(true), openedWithCertificate(proxy)])
      .whenRead(session(proxy, 'certificate'), [power()])
      .thenServed({ kind: 'power-of-attorney' }));

  it.each<LevelOfAssurance>(['clave-permanente', 'clave-movil'])(
    'refuses a proxy who opened it with a certificate and now reads with %s, saying a certificate is needed',
    (level) =>
      given([madeAvailable(false), openedWithCertificate(proxy)])
        .whenRead(session(proxy, level), [power()])
        .thenRefused('LEVEL_OF_ASSURANCE_TOO_LOW', { required: ['certificate'] }),
  );

  it('hides the notification from a proxy whose power was revoked after they opened it', () =>
    given([madeAvailable(true), openedWithCertificate(proxy)])
      .whenRead(session(proxy, 'certificate'), [power({ revokedAt: '2026-11-24T12:00:00.000Z' })])
      .thenRefused('NOTIFICATION_NOT_FOUND'));

  it('hides it from anyone else, whatever their session, so its existence is not revealed', () =>
    given([madeAvailable(true), openedWithCertificate(addressee)])
      .whenRead(session(stranger, 'clave-movil'))
      .thenRefused('NOTIFICATION_NOT_FOUND'));

  it('refuses a session that is not a citizen’s, even the addressee’s', () =>
    given([madeAvailable(false), openedWithCertificate(addressee)])
      .whenRead(session(addressee, 'certificate', ['reviewer']))
      .thenRefused('FORBIDDEN_ROLE'));

  it('asks each person to open it themselves first: the addressee’s access does not deliver it to the proxy', () =>
    given([madeAvailable(false), openedWithCertificate(addressee)])
      .whenRead(session(proxy, 'certificate'), [power()])
      .thenRefused('NOTIFICATION_NOT_ACCESSED'));

  it('refuses the document of a notification nobody opened', () =>
    given([madeAvailable(false)])
      .whenRead(session(addressee, 'certificate'))
      .thenRefused('NOTIFICATION_NOT_ACCESSED'));
});

describe('seeing that a notification exists', () => {
  const state = [madeAvailable(true)].reduce(notificationDecider.evolve, notificationDecider.initialState());

  it('shows it to the addressee and to a proxy by a power in force', () => {
    expect(notificationMustBeVisibleTo(addressee, state, [], now, notificationId).status).toBe('available');
    expect(notificationMustBeVisibleTo(proxy, state, [power()], now, notificationId).status).toBe(
      'available',
    );
  });

  it('reads as missing to a proxy whose power is revoked, and to an unknown id', () => {
    expect(() =>
      notificationMustBeVisibleTo(
        proxy,
        state,
        [power({ revokedAt: '2026-11-20T00:00:00.000Z' })],
        now,
        notificationId,
      ),
    ).toThrow(expect.objectContaining({ code: 'NOTIFICATION_NOT_FOUND' }));
    expect(() =>
      notificationMustBeVisibleTo(addressee, notificationDecider.initialState(), [], now, notificationId),
    ).toThrow(expect.objectContaining({ code: 'NOTIFICATION_NOT_FOUND' }));
  });
});
