import type { Command } from '../shared/command-metadata';

/** The person logged in says whether they want paper copies of their notifications. */
export type SetPaperCopies = Command<'SetPaperCopies', { person: string; paperCopies: boolean }>;

export type NotificationPreferencesCommand = SetPaperCopies;
