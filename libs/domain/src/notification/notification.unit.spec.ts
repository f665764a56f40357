import { PEOPLE, blobHash, metadataFor } from '../shared/fixtures.testing';
import { spec } from '../shared/given-when-then.testing';
import type { LevelOfAssurance } from '../shared/command-metadata';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import type { NotificationCommand } from './notification.commands';
import { notificationDecider } from './notification.decider';
import type { NotificationActorRecord, NotificationEvent } from './notification.events';

const { ana: addressee, bruno: proxy, carmen: stranger } = PEOPLE;
const notificationId = 'notification-1';
const madeAvailableAt = '2026-11-23T10:00:00.000Z';
const deemedRejectedAt = '2026-12-03T23:00:00.000Z';
const later = '2026-11-25T09:00:00.000Z';
const given = spec(notificationDecider).given;

const act = <C extends NotificationCommand>(
  type: C['type'],
  data: Omit<C['data'], 'notificationId'>,
  options: { actor?: string; now?: string; levelOfAssurance?: LevelOfAssurance } = {},
): C =>
  ({
    type,
    data: { notificationId, ...data },
    metadata: metadataFor(options.actor ?? addressee, {
      now: options.now ?? later,
      levelOfAssurance: options.levelOfAssurance ?? 'certificate',
    }),
  }) as C;

const makeAvailable = (
  overrides: Partial<{
    specialCategory: boolean;
    subject: string;
    addressee: string;
    documentHash: string;
  }> = {},
) =>
  act(
    'MakeNotificationAvailable',
    {
      addressee,
      subject: 'Resolución del expediente 2026/000123',
      caseId: 'case-1',
      documentHash: blobHash(9),
      specialCategory: true,
      ...overrides,
    },
    { now: madeAvailableAt },
  );

const madeAvailable = (specialCategory = true): NotificationEvent => ({
  type: 'NotificationMadeAvailable',
  data: {
    notificationId,
    addressee,
    subject: 'Resolución del expediente 2026/000123',
    caseId: 'case-1',
    documentHash: blobHash(9),
    specialCategory,
    madeAvailableAt,
    lastDayToAccess: '2026-12-03',
    deemedRejectedAt,
  },
});

const ownName = (levelOfAssurance: LevelOfAssurance = 'certificate'): NotificationActorRecord => ({
  actedBy: addressee,
  onBehalfOf: addressee,
  basis: { kind: 'own-name' },
  levelOfAssurance,
});

const accessed = (at = later): NotificationEvent => ({
  type: 'NotificationAccessed',
  data: { notificationId, ...ownName(), accessedAt: at },
});

const powerFromAnaToBruno = (procedures: readonly Procedure[]): PowerOfAttorney => ({
  status: 'accepted',
  terms: {
    powerId: 'power-1',
    principal: addressee,
    proxy,
    procedures,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    grantedAt: '2025-12-15T09:00:00.000Z',
  },
  acceptedAt: '2025-12-16T09:00:00.000Z',
});

const access = (options: Parameters<typeof act>[2] = {}, powersOfAttorney: readonly PowerOfAttorney[] = []) =>
  act('AccessNotification', { powersOfAttorney }, options);
const accept = (otpVerified = false, options: Parameters<typeof act>[2] = {}) =>
  act('AcceptNotification', { powersOfAttorney: [], otpVerified }, options);
const reject = (reason?: string) =>
  act('RejectNotification', { powersOfAttorney: [], otpVerified: false, ...(reason ? { reason } : {}) });
const deem = (now: string) => act('DeemNotificationRejected', {}, { now });

describe('notification: making it available', () => {
  it('is deemed rejected when the tenth calendar day after availability ends in Madrid', () =>
    given([]).when(makeAvailable()).then([madeAvailable()]));

  it('counts the ten days from the Madrid day of availability, not the UTC one', () => {
    const lateEvening = {
      ...makeAvailable(),
      metadata: metadataFor(addressee, { now: '2026-11-23T23:30:00.000Z' }),
    };
    const [event] = notificationDecider.decide(lateEvening, notificationDecider.initialState());
    expect(event?.data).toMatchObject({
      lastDayToAccess: '2026-12-04',
      deemedRejectedAt: '2026-12-04T23:00:00.000Z',
    });
  });

  it('refuses making the same notification available twice', () =>
    given([madeAvailable()])
      .when(makeAvailable())
      .thenThrows('NOTIFICATION_ALREADY_EXISTS', { kind: 'conflict' }));

  it('refuses an addressee without a valid DNI/NIE', () =>
    given([])
      .when(makeAvailable({ addressee: '00000000A' }))
      .thenThrows('INVALID_IDENTITY_NUMBER'));

  it('refuses a notification that does not say what it notifies', () =>
    given([])
      .when(makeAvailable({ subject: '  ' }))
      .thenThrows('NOTIFICATION_SUBJECT_REQUIRED'));

  it('refuses a document hash that is not a sha-256', () =>
    given([])
      .when(makeAvailable({ documentHash: 'abc' }))
      .thenThrows('INVALID_DOCUMENT_HASH'));
});

describe('notification: access', () => {
  it('lets the addressee open it in their own name, recording who, how and when', () =>
    given([madeAvailable()]).when(access()).then([accessed()]));

  it('lets the addressee open a special-category notification with Cl@ve permanente', () =>
    given([madeAvailable()])
      .when(access({ levelOfAssurance: 'clave-permanente' }))
      .then([
        {
          type: 'NotificationAccessed',
          data: { notificationId, ...ownName('clave-permanente'), accessedAt: later },
        },
      ]));

  it('never opens a special-category notification with Cl@ve móvil', () =>
    given([madeAvailable(true)])
      .when(access({ levelOfAssurance: 'clave-movil' }))
      .thenThrows('LEVEL_OF_ASSURANCE_TOO_LOW', { kind: 'forbidden' }));

  it('opens an ordinary notification with Cl@ve móvil in the addressee’s own name', () =>
    given([madeAvailable(false)])
      .when(access({ levelOfAssurance: 'clave-movil' }))
      .then([
        {
          type: 'NotificationAccessed',
          data: { notificationId, ...ownName('clave-movil'), accessedAt: later },
        },
      ]));

  it('lets a proxy with a power for notifications open it with a certificate, recording the power', () =>
    given([madeAvailable()])
      .when(access({ actor: proxy }, [powerFromAnaToBruno(['notifications'])]))
      .then([
        {
          type: 'NotificationAccessed',
          data: {
            notificationId,
            actedBy: proxy,
            onBehalfOf: addressee,
            basis: { kind: 'power-of-attorney', powerId: 'power-1' },
            levelOfAssurance: 'certificate',
            accessedAt: later,
          },
        },
      ]));

  it('refuses a proxy who is not using an electronic certificate', () =>
    given([madeAvailable(false)])
      .when(
        access({ actor: proxy, levelOfAssurance: 'clave-permanente' }, [
          powerFromAnaToBruno(['notifications']),
        ]),
      )
      .thenThrows('LEVEL_OF_ASSURANCE_TOO_LOW', { facts: { required: ['certificate'] } }));

  it('tells a proxy on a special-category notification that only a certificate will do', () =>
    given([madeAvailable(true)])
      .when(
        access({ actor: proxy, levelOfAssurance: 'clave-movil' }, [powerFromAnaToBruno(['notifications'])]),
      )
      .thenThrows('LEVEL_OF_ASSURANCE_TOO_LOW', { facts: { required: ['certificate'] } }));

  it('refuses a proxy whose power does not cover notifications, saying why', () =>
    given([madeAvailable()])
      .when(access({ actor: proxy }, [powerFromAnaToBruno(['entitlement-application'])]))
      .thenThrows('NOT_THE_ADDRESSEE', {
        facts: { powers: [{ powerId: 'power-1', reason: 'procedure-not-covered' }] },
      }));

  it('refuses anyone else', () =>
    given([madeAvailable()])
      .when(access({ actor: stranger }))
      .thenThrows('NOT_THE_ADDRESSEE', { kind: 'forbidden' }));

  it('still opens on the last minute of the tenth day', () =>
    given([madeAvailable()])
      .when(access({ now: '2026-12-03T22:59:00.000Z' }))
      .then([accessed('2026-12-03T22:59:00.000Z')]));

  it('refuses access once the tenth day has ended, even before the deemed rejection is recorded', () =>
    given([madeAvailable()])
      .when(access({ now: deemedRejectedAt }))
      .thenThrows('NOTIFICATION_DEEMED_REJECTED', { facts: { deemedRejectedAt } }));

  it('records every later access as evidence, even after it was answered', () =>
    given([
      madeAvailable(),
      accessed(),
      { type: 'NotificationAccepted', data: { notificationId, ...ownName(), acceptedAt: later } },
    ])
      .when(access({ now: '2026-12-20T10:00:00.000Z' }))
      .then([accessed('2026-12-20T10:00:00.000Z')]));

  it('refuses an unknown notification', () =>
    given([]).when(access()).thenThrows('NOTIFICATION_NOT_FOUND', { kind: 'not-found' }));
});

describe('notification: accepting and rejecting', () => {
  it('accepts an opened notification, signed with a certificate', () =>
    given([madeAvailable(), accessed()])
      .when(accept())
      .then([{ type: 'NotificationAccepted', data: { notificationId, ...ownName(), acceptedAt: later } }]));

  it('requires the SMS one-time code to sign with Cl@ve permanente', () =>
    given([madeAvailable(), accessed()])
      .when(accept(false, { levelOfAssurance: 'clave-permanente' }))
      .thenThrows('SIGNATURE_OTP_REQUIRED'));

  it('accepts with Cl@ve permanente once the one-time code is verified', () =>
    given([madeAvailable(), accessed()])
      .when(accept(true, { levelOfAssurance: 'clave-permanente' }))
      .then([
        {
          type: 'NotificationAccepted',
          data: { notificationId, ...ownName('clave-permanente'), acceptedAt: later },
        },
      ]));

  it('rejects an opened notification, recording the reason', () =>
    given([madeAvailable(), accessed()])
      .when(reject(' No es mío '))
      .then([
        {
          type: 'NotificationRejected',
          data: { notificationId, ...ownName(), rejectedAt: later, reason: 'No es mío' },
        },
      ]));

  it('refuses accepting a notification nobody opened', () =>
    given([madeAvailable()])
      .when(accept())
      .thenThrows('NOTIFICATION_NOT_ACCESSED', { kind: 'illegal-state' }));

  it('refuses answering twice', () => {
    const accepted: NotificationEvent = {
      type: 'NotificationAccepted',
      data: { notificationId, ...ownName(), acceptedAt: later },
    };
    given([madeAvailable(), accessed(), accepted])
      .when(reject())
      .thenThrows('NOTIFICATION_ALREADY_ANSWERED', { facts: { answer: 'accepted' } });
    given([madeAvailable(), accessed(), accepted]).when(accept()).thenThrows('NOTIFICATION_ALREADY_ANSWERED');
  });

  it('still accepts an opened notification after the ten days: only unopened ones are deemed rejected', () =>
    given([madeAvailable(), accessed()])
      .when(accept(false, { now: '2026-12-20T10:00:00.000Z' }))
      .then([
        {
          type: 'NotificationAccepted',
          data: { notificationId, ...ownName(), acceptedAt: '2026-12-20T10:00:00.000Z' },
        },
      ]));

  it('refuses an answer from someone who may not act on it', () =>
    given([madeAvailable(), accessed()])
      .when(accept(false, { actor: stranger }))
      .thenThrows('NOT_THE_ADDRESSEE'));
});

describe('notification: deemed rejection', () => {
  const deemedRejected: NotificationEvent = {
    type: 'NotificationDeemedRejected',
    data: { notificationId, deemedRejectedAt, recordedAt: '2026-12-04T06:00:00.000Z' },
  };

  it('deems an unopened notification rejected once the tenth day has ended', () =>
    given([madeAvailable()]).when(deem('2026-12-04T06:00:00.000Z')).then([deemedRejected]));

  it('refuses before the ten calendar days have passed', () =>
    given([madeAvailable()])
      .when(deem('2026-12-03T22:59:59.000Z'))
      .thenThrows('NOT_YET_DUE', { facts: { deemedRejectedAt } }));

  it('refuses once the notification was opened', () =>
    given([madeAvailable(), accessed()])
      .when(deem('2026-12-04T06:00:00.000Z'))
      .thenThrows('ALREADY_ACCESSED'));

  it('allows nothing else after a deemed rejection', () => {
    const history = [madeAvailable(), deemedRejected];
    given(history)
      .when(access({ now: '2026-12-05T10:00:00.000Z' }))
      .thenThrows('NOTIFICATION_DEEMED_REJECTED');
    given(history)
      .when(accept(false, { now: '2026-12-05T10:00:00.000Z' }))
      .thenThrows('NOTIFICATION_DEEMED_REJECTED');
    given(history).when(deem('2026-12-05T10:00:00.000Z')).thenThrows('NOTIFICATION_DEEMED_REJECTED');
  });

  it('refuses deeming an unknown notification rejected', () =>
    given([]).when(deem('2026-12-05T10:00:00.000Z')).thenThrows('NOTIFICATION_NOT_FOUND'));
});
