import type { Command } from '../shared/command-metadata';
import type { PaperCopyPosted } from './paper-post.events';

/**
 * Recorded by the paper-post worker once the copy is handed to the printing and postal service.
 * The metadata's idempotency key is the ResolutionIssued event's id, so the event's id repeats
 * on every retry.
 */
export type RecordPaperCopyPosted = Command<'RecordPaperCopyPosted', PaperCopyPosted['data']>;

export type PaperPostCommand = RecordPaperCopyPosted;
