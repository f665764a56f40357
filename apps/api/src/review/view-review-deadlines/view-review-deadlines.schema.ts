import { z } from 'zod';
import { REVIEW_STEPS } from '@expediente/domain';
import { caseIdSchema } from '../review.shared';

const day = z.iso.date().meta({ example: '2026-11-24' });
const counted = {
  days: z.number().int().min(0).meta({ example: 10 }),
  count: z.enum(['business', 'calendar']).meta({
    description: 'Business days skip weekends and the holidays of the case’s province; calendar days do not.',
  }),
};

export const reviewDeadlinesSchema = z.object({
  caseId: caseIdSchema,
  version: z
    .number()
    .int()
    .min(0)
    .meta({ example: 3, description: 'The review stream’s version (the ETag).' }),
  today: day.meta({ description: 'Today in Madrid, the register’s official time.' }),
  province: z.object({
    code: z.string().meta({ example: '28' }),
    name: z.string().meta({ example: 'Madrid' }),
    community: z.string().meta({ example: 'Comunidad de Madrid' }),
  }),
  steps: z
    .array(
      z.object({
        step: z.enum(REVIEW_STEPS),
        ...counted,
        state: z.enum(['running', 'paused']),
        dueOn: day.nullable().meta({ description: 'Null while the clock is paused.' }),
        overdue: z.boolean(),
        pausedSince: day.nullable().meta({ description: 'While the case waits on the citizen.' }),
        remainingDays: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'Paused: the days left when it paused (negative if already late).' }),
      }),
    )
    .meta({ description: 'The steps whose clock runs (or is paused) now.' }),
  informationRequest: z
    .object({ ...counted, dueOn: day })
    .nullable()
    .meta({
      description: 'When a request for information made today would be due; null if none can be made now.',
    }),
  holidays: z
    .array(
      z.object({
        date: day,
        name: z.string().meta({ example: 'Fiesta de la Comunidad de Madrid' }),
        scope: z.enum(['national', 'regional', 'local']),
      }),
    )
    .meta({ description: 'The province’s holidays from the case’s opening to the last day shown.' }),
});
export type ReviewDeadlines = z.infer<typeof reviewDeadlinesSchema>;
