import type { Event } from '../shared/decider';

/**
 * A person's standing choice about paper (stream notification-preferences-<DNI/NIE>): from now
 * on, no paper copy of the notifications addressed to them (Order ISM/903/2020; the citizen
 * keeps the electronic office and the DEHú). It applies to every case, whatever each filing said.
 */
export type PaperCopiesDeclined = Event<'PaperCopiesDeclined', { person: string; declinedAt: string }>;

/** The person wants paper copies again: later resolutions are posted to them as well. */
export type PaperCopiesResumed = Event<'PaperCopiesResumed', { person: string; resumedAt: string }>;

export type NotificationPreferencesEvent = PaperCopiesDeclined | PaperCopiesResumed;
