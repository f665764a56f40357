import { spec } from '../shared/given-when-then.testing';
import type { Actor } from '../shared/command-metadata';
import type { SetPaperCopies } from './notification-preferences.commands';
import {
  evolve,
  initialState,
  notificationPreferencesDecider,
  paperCopyOwed,
} from './notification-preferences.decider';
import type { PaperCopiesDeclined, PaperCopiesResumed } from './notification-preferences.events';

const given = spec(notificationPreferencesDecider).given;
const now = new Date('2026-05-04T08:30:00.000Z');
const lucia: Actor = { id: '34567890V', roles: ['citizen'], levelOfAssurance: 'clave-permanente' };
const set = (paperCopies: boolean, actor: Actor = lucia, person = '34567890V'): SetPaperCopies => ({
  type: 'SetPaperCopies',
  data: { person, paperCopies },
  metadata: { now, actor },
});
const declined: PaperCopiesDeclined = {
  type: 'PaperCopiesDeclined',
  data: { person: '34567890V', declinedAt: now.toISOString() },
};
const resumed: PaperCopiesResumed = {
  type: 'PaperCopiesResumed',
  data: { person: '34567890V', resumedAt: now.toISOString() },
};

describe('a person’s choice about paper copies of their notifications', () => {
  it('records that the person declines paper copies from now on', () =>
    given([]).when(set(false)).then([declined]));

  it('records that the person wants paper copies again', () =>
    given([declined]).when(set(true)).then([resumed]));

  it('records nothing when the choice is already so (paper is the default)', () => {
    given([]).when(set(true)).then([]);
    given([declined]).when(set(false)).then([]);
  });

  it('refuses anyone choosing for another person, a proxy included', () =>
    given([])
      .when(set(false, { ...lucia, id: '23456789D' }))
      .thenThrows('NOT_YOUR_PREFERENCES', { kind: 'forbidden', facts: { person: '34567890V' } }));

  it('owes a paper copy only when neither the filing nor the person’s standing choice declined it', () => {
    const folded = (events: (PaperCopiesDeclined | PaperCopiesResumed)[]) =>
      events.reduce(evolve, initialState());
    expect(paperCopyOwed(false, folded([]))).toBe(true);
    expect(paperCopyOwed(true, folded([]))).toBe(false);
    expect(paperCopyOwed(false, folded([declined]))).toBe(false);
    expect(paperCopyOwed(false, folded([declined, resumed]))).toBe(true);
    expect(folded([declined])).toEqual({ paperCopies: false, since: now.toISOString() });
  });
});
