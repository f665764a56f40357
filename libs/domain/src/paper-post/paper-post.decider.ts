/**
 * A resolution's paper copy (stream paper-post-<caseId>): posted once. Recording it again is no
 * refusal but nothing at all, because the worker may run the same job any number of times.
 */
import type { Decider } from '../shared/decider';
import { documentHashMustBeSha256 } from '../notification/notification.rules';
import type { PaperPostCommand, RecordPaperCopyPosted } from './paper-post.commands';
import type { PaperPostEvent } from './paper-post.events';

export type PaperPost =
  | { readonly status: 'none' }
  | { readonly status: 'posted'; readonly documentHash: string; readonly postedAt: string };

export const initialState = (): PaperPost => ({ status: 'none' });

/** One event, one command: the switches a wider union needs would have a single case here. */
export const evolve = (state: PaperPost, { data }: PaperPostEvent): PaperPost =>
  state.status === 'posted'
    ? state
    : { status: 'posted', documentHash: data.documentHash, postedAt: data.postedAt };

export const recordPaperCopyPosted = (
  { data }: RecordPaperCopyPosted,
  state: PaperPost,
): PaperPostEvent[] => {
  if (state.status === 'posted') return [];
  return [
    {
      type: 'PaperCopyPosted',
      data: { ...data, documentHash: documentHashMustBeSha256(data.documentHash) },
    },
  ];
};

export const decide = (command: PaperPostCommand, state: PaperPost): PaperPostEvent[] =>
  recordPaperCopyPosted(command, state);

export const paperPostDecider: Decider<PaperPostCommand, PaperPostEvent, PaperPost> = {
  initialState,
  evolve,
  decide,
};
