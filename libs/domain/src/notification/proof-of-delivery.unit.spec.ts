import { PEOPLE, blobHash } from '../shared/fixtures.testing';
import type { NotificationEvent, NotificationMadeAvailable } from './notification.events';
import { proofOfDelivery } from './proof-of-delivery';

const { ana: addressee, bruno: proxy } = PEOPLE;
const notificationId = 'notification-1';

const madeAvailable: NotificationMadeAvailable = {
  type: 'NotificationMadeAvailable',
  data: {
    notificationId,
    addressee,
    subject: 'Resolución del expediente 2026/000123',
    documentHash: blobHash(9),
    specialCategory: true,
    madeAvailableAt: '2026-11-23T10:00:00.000Z',
    lastDayToAccess: '2026-12-03',
    deemedRejectedAt: '2026-12-03T23:00:00.000Z',
  },
};
const byProxy = {
  actedBy: proxy,
  onBehalfOf: addressee,
  basis: { kind: 'power-of-attorney', powerId: 'power-1' },
  levelOfAssurance: 'certificate',
} as const;
const byAddressee = { ...byProxy, actedBy: addressee, basis: { kind: 'own-name' } } as const;

describe('proof of delivery', () => {
  it('lists every transition with its time and who acted for whom, and takes effect at first access', () => {
    const events: NotificationEvent[] = [
      madeAvailable,
      {
        type: 'NotificationAccessed',
        data: { notificationId, ...byProxy, accessedAt: '2026-11-24T09:00:00.000Z' },
      },
      {
        type: 'NotificationAccessed',
        data: { notificationId, ...byAddressee, accessedAt: '2026-11-25T09:00:00.000Z' },
      },
      {
        type: 'NotificationAccepted',
        data: { notificationId, ...byAddressee, acceptedAt: '2026-11-25T09:05:00.000Z' },
      },
    ];
    expect(proofOfDelivery(events)).toEqual({
      notice: madeAvailable.data,
      outcome: 'accepted',
      effectiveAt: '2026-11-24T09:00:00.000Z',
      transitions: [
        { kind: 'made-available', at: '2026-11-23T10:00:00.000Z' },
        { kind: 'accessed', at: '2026-11-24T09:00:00.000Z', ...byProxy },
        { kind: 'accessed', at: '2026-11-25T09:00:00.000Z', ...byAddressee },
        { kind: 'accepted', at: '2026-11-25T09:05:00.000Z', ...byAddressee },
      ],
    });
  });

  it('states a rejection with its reason', () => {
    const proof = proofOfDelivery([
      madeAvailable,
      {
        type: 'NotificationAccessed',
        data: { notificationId, ...byAddressee, accessedAt: '2026-11-24T09:00:00.000Z' },
      },
      {
        type: 'NotificationRejected',
        data: { notificationId, ...byAddressee, rejectedAt: '2026-11-24T09:01:00.000Z', reason: 'No es mío' },
      },
    ]);
    expect(proof.outcome).toBe('rejected');
    expect(proof.transitions.at(-1)).toEqual({
      kind: 'rejected',
      at: '2026-11-24T09:01:00.000Z',
      reason: 'No es mío',
      ...byAddressee,
    });
  });

  it('dates a deemed rejection at the legal instant, not when the system recorded it', () => {
    const proof = proofOfDelivery([
      madeAvailable,
      {
        type: 'NotificationDeemedRejected',
        data: {
          notificationId,
          deemedRejectedAt: '2026-12-03T23:00:00.000Z',
          recordedAt: '2026-12-04T06:00:00.000Z',
        },
      },
    ]);
    expect(proof).toMatchObject({ outcome: 'deemed-rejected', effectiveAt: '2026-12-03T23:00:00.000Z' });
    expect(proof.transitions.at(-1)).toEqual({
      kind: 'deemed-rejected',
      at: '2026-12-03T23:00:00.000Z',
      recordedAt: '2026-12-04T06:00:00.000Z',
    });
  });

  it('is pending while nobody has acted on the notification', () =>
    expect(proofOfDelivery([madeAvailable])).toMatchObject({ outcome: 'pending', effectiveAt: null }));

  it('refuses a history that does not start with the notification being made available', () =>
    expect(() => proofOfDelivery([])).toThrow(expect.objectContaining({ code: 'NOTIFICATION_NOT_FOUND' })));
});
