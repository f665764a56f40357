import type { NotificationEvent } from '../notification/notification.events';
import type { CaseReviewEvent } from './case-review.events';
import {
  assigned,
  caseId,
  evaluated,
  expired,
  issued,
  now,
  opened,
  provided,
  requested,
  resolved,
  STAFF,
} from './case-review.fixtures.testing';
import { citizenViewOf, evolveCitizenCase, initialCitizenCase } from './citizen-status';

const notice = (notificationId: string): NotificationEvent => ({
  type: 'NotificationMadeAvailable',
  data: {
    notificationId,
    addressee: 'ana',
    subject: 'Resolución',
    caseId,
    documentHash: 'a'.repeat(64),
    specialCategory: true,
    madeAvailableAt: now,
    lastDayToAccess: '2026-12-03',
    deemedRejectedAt: '2026-12-03T23:00:00.000Z',
  },
});
const actor = {
  actedBy: 'ana',
  onBehalfOf: 'ana',
  basis: { kind: 'own-name' },
  levelOfAssurance: 'certificate',
} as const;
const accessed = (notificationId: string): NotificationEvent => ({
  type: 'NotificationAccessed',
  data: { notificationId, ...actor, accessedAt: now },
});
const deemedRejected = (notificationId: string): NotificationEvent => ({
  type: 'NotificationDeemedRejected',
  data: { notificationId, deemedRejectedAt: '2026-12-03T23:00:00.000Z', recordedAt: now },
});

const viewAfter = (events: readonly (CaseReviewEvent | NotificationEvent)[]) =>
  citizenViewOf(events.reduce(evolveCitizenCase, initialCitizenCase()));

describe('the citizen’s view of a review', () => {
  it('has nothing to say before the review opens: the filing says where the case stands', () => {
    expect(viewAfter([])).toBeNull();
  });

  it('reads routed, assigned, information requested with what and by when, then information provided', () => {
    expect(viewAfter([opened])?.status).toBe('routed');
    expect(viewAfter([opened, assigned()])).toMatchObject({ status: 'assigned', todo: [] });
    expect(viewAfter([opened, assigned(), requested('2026-12-09')])).toMatchObject({
      status: 'information-requested',
      informationRequest: { requested: 'Informe de neurología actualizado', dueOn: '2026-12-09' },
      todo: [{ kind: 'answer-information-request', dueOn: '2026-12-09' }],
    });
    expect(viewAfter([opened, assigned(), requested(), provided])).toMatchObject({
      status: 'information-provided',
      informationRequest: null,
      todo: [],
    });
  });

  it('says nothing was provided when the time to answer ran out', () => {
    expect(
      viewAfter([opened, assigned(), requested('2026-12-09'), expired('citizenAnswer', '2026-12-09')]),
    ).toMatchObject({ status: 'assigned', todo: [] });
  });

  it('never names the reviewer, even after a reassignment', () => {
    const view = viewAfter([opened, assigned(), assigned(STAFF.luis, STAFF.rosa, 'baja'), requested()]);
    expect(JSON.stringify(view)).not.toMatch(new RegExp(`${STAFF.rosa}|${STAFF.luis}`));
  });

  it('reads the outcome once resolved, and the notification with the day it will be deemed rejected', () => {
    const upToResolution = [opened, assigned(), evaluated, resolved, issued];
    expect(viewAfter([opened, assigned(), evaluated])?.status).toBe('evaluated');
    expect(viewAfter(upToResolution)).toMatchObject({ status: 'resolved', outcome: 'partially-granted' });
    expect(viewAfter([...upToResolution, notice('n-1')])).toMatchObject({
      status: 'notification-available',
      notification: {
        notificationId: 'n-1',
        status: 'available',
        deemedRejectedAt: '2026-12-03T23:00:00.000Z',
      },
      todo: [{ kind: 'open-notification', notificationId: 'n-1', lastDayToAccess: '2026-12-03' }],
    });
    expect(viewAfter([...upToResolution, notice('n-1'), accessed('n-1')])?.todo).toEqual([
      { kind: 'answer-notification', notificationId: 'n-1' },
    ]);
    expect(viewAfter([...upToResolution, notice('n-1'), deemedRejected('n-1')])).toMatchObject({
      status: 'notification-deemed-rejected',
      todo: [],
    });
  });

  it('ignores the steps of another notification', () => {
    const upToNotice = [opened, assigned(), evaluated, resolved, issued, notice('n-1')];
    expect(viewAfter([...upToNotice, deemedRejected('n-2')])?.status).toBe('notification-available');
  });

  it('reads closed and withdrawn as the review does', () => {
    const closed: CaseReviewEvent = {
      type: 'CaseClosed',
      data: {
        caseId,
        notificationId: 'n-1',
        notificationOutcome: 'accepted',
        notifiedAt: now,
        closedAt: now,
      },
    };
    const withdrawn: CaseReviewEvent = {
      type: 'ReviewWithdrawn',
      data: { caseId, withdrawnBy: 'ana', withdrawnAt: now },
    };
    expect(viewAfter([opened, assigned(), evaluated, resolved, issued, notice('n-1'), closed])).toMatchObject(
      {
        status: 'closed',
        outcome: 'partially-granted',
        todo: [],
      },
    );
    expect(viewAfter([opened, assigned(), requested(), withdrawn])).toMatchObject({
      status: 'withdrawn',
      informationRequest: null,
      todo: [],
    });
  });
});
