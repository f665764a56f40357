import type { Event } from '../shared/decider';

/**
 * The paper copy of a resolution was handed to the printing and postal service, for a party
 * who did not opt out of paper. Recorded in the log so that a copy owed but never handed
 * over can be found (and posted) again.
 */
export type PaperCopyPosted = Event<
  'PaperCopyPosted',
  { caseId: string; documentHash: string; postedAt: string }
>;

export type PaperPostEvent = PaperCopyPosted;
