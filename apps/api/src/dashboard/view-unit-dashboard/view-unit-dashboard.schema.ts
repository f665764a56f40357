import { z } from 'zod';
import { REVIEW_STEPS } from '@expediente/domain';
import { OPEN_STATUSES } from '@expediente/infra/review-queue/review-queue.row';

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
  backlog: z
    .array(z.object({ status: z.enum(OPEN_STATUSES), cases: count }))
    .meta({ description: 'Open cases by status, every open status listed.' }),
  overdueByStep: z
    .array(z.object({ step: z.enum(REVIEW_STEPS), cases: count }))
    .meta({ description: 'Cases past the due date of their running step, by step, every step listed.' }),
  workload: z
    .array(
      z.object({
        reviewerId: z.string().meta({ example: '50234567Z' }),
        open: count,
        awaitingCitizen: count,
        overdue: count,
      }),
    )
    .meta({ description: 'Open cases per reviewer holding any.' }),
  notificationLimit: z
    .object({
      pending: count.meta({ description: 'Resolved cases whose notification is not yet made available.' }),
      overdue: count.meta({ description: 'Of those, past the ten days of Law 39/2015 art. 40.2.' }),
      nextDueOn: z.iso.date().nullable().meta({ example: '2026-11-30' }),
    })
    .meta({ description: 'The ten-day limit for issuing a notification after the act it notifies.' }),
});
