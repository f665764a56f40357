import { notificationPreferencesDecider, type NotificationPreferences } from '@expediente/domain';
import { load } from '@expediente/infra/commands/command-runner';
import type { EventStore } from '@expediente/infra/event-store/event-store.port';
import { streams } from '@expediente/infra/event-store/streams';
import { z } from 'zod';

/** The person's choice as their own stream tells it (a handful of events: read, never projected). */
export const notificationPreferencesView = z.object({
  paperCopies: z.boolean().meta({
    description:
      'Whether resolutions are also posted on paper to the address on record. True unless the person declined paper.',
  }),
  since: z.iso
    .datetime()
    .nullable()
    .meta({ description: 'When the person made the current choice; null while they never chose.' }),
});
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesView>;

export const viewOf = (preferences: NotificationPreferences): NotificationPreferencesView => ({
  paperCopies: preferences.paperCopies,
  since: preferences.since ?? null,
});

export async function preferencesOf(store: EventStore, person: string): Promise<NotificationPreferences> {
  return (await load(store, notificationPreferencesDecider, streams.notificationPreferences(person))).state;
}
