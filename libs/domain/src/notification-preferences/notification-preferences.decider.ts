import type { Decider } from '../shared/decider';
import { Forbidden } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import type { NotificationPreferencesCommand, SetPaperCopies } from './notification-preferences.commands';
import type { NotificationPreferencesEvent } from './notification-preferences.events';

/** Paper copies are posted unless the person declined them (the default of Law 39/2015 art. 41). */
export interface NotificationPreferences {
  readonly paperCopies: boolean;
  /** When the current choice was made; undefined while the person never chose. */
  readonly since?: string;
}

export const initialState = (): NotificationPreferences => ({ paperCopies: true });

export const evolve = (
  _: NotificationPreferences,
  event: NotificationPreferencesEvent,
): NotificationPreferences => {
  switch (event.type) {
    case 'PaperCopiesDeclined':
      return { paperCopies: false, since: event.data.declinedAt };
    case 'PaperCopiesResumed':
      return { paperCopies: true, since: event.data.resumedAt };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

/** Nobody chooses for someone else, not even a proxy: the choice is the addressee's own. */
const onlyThePersonChooses = (actorId: string, person: string): string => {
  const actor = normaliseIdentityNumber(actorId);
  if (actor !== normaliseIdentityNumber(person)) {
    throw new Forbidden('NOT_YOUR_PREFERENCES', 'Only the person themselves chooses how they are notified.', {
      person,
    });
  }
  return actor;
};

/** Saying again what is already so records nothing: the choice is a state, not a request. */
export const setPaperCopies = (
  { data, metadata }: SetPaperCopies,
  state: NotificationPreferences,
): NotificationPreferencesEvent[] => {
  const person = onlyThePersonChooses(metadata.actor.id, data.person);
  if (state.paperCopies === data.paperCopies) return [];
  const at = metadata.now.toISOString();
  return [
    data.paperCopies
      ? { type: 'PaperCopiesResumed', data: { person, resumedAt: at } }
      : { type: 'PaperCopiesDeclined', data: { person, declinedAt: at } },
  ];
};

/** One command: the switch a wider union needs would have a single case here. */
export const decide = (
  command: NotificationPreferencesCommand,
  state: NotificationPreferences,
): NotificationPreferencesEvent[] => setPaperCopies(command, state);

export const notificationPreferencesDecider: Decider<
  NotificationPreferencesCommand,
  NotificationPreferencesEvent,
  NotificationPreferences
> = { initialState, evolve, decide };

/** Whether a paper copy goes to the person: neither the filing nor their standing choice declined it. */
export const paperCopyOwed = (filingOptedOut: boolean, preferences: NotificationPreferences): boolean =>
  !filingOptedOut && preferences.paperCopies;
