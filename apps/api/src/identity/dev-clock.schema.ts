import { z } from 'zod';

export const advanceRequest = z.object({
  days: z.number().min(0).max(3650).default(0).meta({ example: 10 }),
  hours: z
    .number()
    .min(0)
    .max(24 * 3650)
    .default(0),
});

export const clockReading = z.object({
  now: z.iso.datetime().meta({ description: 'What every command, deadline and read model takes as now.' }),
  offsetMs: z.number().meta({ description: 'How far it was moved ahead of the process clock.', example: 0 }),
});
