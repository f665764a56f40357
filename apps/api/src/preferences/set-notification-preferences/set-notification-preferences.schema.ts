import { z } from 'zod';

export const setNotificationPreferencesRequest = z.object({
  paperCopies: z.boolean().meta({
    description: 'false: no paper copies from now on (the electronic office only); true: paper copies again.',
    example: false,
  }),
});
export type SetNotificationPreferencesRequest = z.infer<typeof setNotificationPreferencesRequest>;
