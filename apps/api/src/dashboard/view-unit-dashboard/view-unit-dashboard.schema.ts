import { z } from 'zod';

const count = z.number().int().min(0);

export const unitDashboardResponse = z.object({
  unit: z.string().meta({ example: 'INSS-28' }),
  today: z.iso.date().meta({ example: '2026-11-23' }),
  counts: z.object({
    unassigned: count,
    mine: count.meta({ description: 'Open cases assigned to the caller.' }),
    awaitingCitizen: count,
    overdue: count.meta({ description: 'Cases whose running step is past its due date.' }),
  }),
  ageing: z
    .object({ '0-7': count, '8-30': count, '31-90': count, '>90': count })
    .meta({ description: 'Open cases by whole days since the review opened.' }),
  resolvedPerWeek: z
    .array(
      z.object({
        week: z.string().meta({ example: '2026-W48' }),
        weekStart: z.iso.date().meta({ example: '2026-11-23' }),
        resolved: count,
      }),
    )
    .meta({ description: 'The last 12 ISO weeks (Madrid), oldest first, this week included.' }),
});
