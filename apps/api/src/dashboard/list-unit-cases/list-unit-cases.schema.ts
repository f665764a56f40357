import { z } from 'zod';
import { PROCEDURES } from '@expediente/domain';
import { decodeQueueCursor } from '@expediente/infra/review-queue/review-queue';
import { QUEUE_STATUSES } from '@expediente/infra/review-queue/review-queue.row';
import { line } from '@expediente/infra/validation/text';

const FILING_PROCEDURES = [
  'medical-report-submission',
  'entitlement-application',
] as const satisfies readonly (typeof PROCEDURES)[number][];

export const listUnitCasesQuery = z.object({
  status: z.enum(QUEUE_STATUSES).optional(),
  procedure: z.enum(FILING_PROCEDURES).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit INE province code, e.g. "28"')
    .optional()
    .meta({ example: '28' }),
  reviewer: line(32).optional().meta({ description: 'A reviewer’s DNI/NIE, or "me".', example: 'me' }),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .refine(
      (cursor) => decodeQueueCursor(cursor) !== undefined,
      'must be the "next" value of a previous page',
    )
    .optional()
    .meta({ description: 'The `next` of the previous page.' }),
});
export type ListUnitCasesQuery = z.infer<typeof listUnitCasesQuery>;

const instant = z.iso.datetime().meta({ example: '2026-11-02T09:00:05.000Z' });

export const listUnitCasesResponse = z.object({
  items: z.array(
    z.object({
      caseId: z.uuid(),
      procedure: z.enum(FILING_PROCEDURES),
      provinceCode: z.string().meta({ example: '28' }),
      reviewerId: z.string().nullable().meta({ example: '50234567Z' }),
      status: z.enum(QUEUE_STATUSES),
      openedAt: instant,
      statusChangedAt: instant,
      dueStep: z.enum(['assign', 'evaluate', 'citizenAnswer', 'notifyResolution']).nullable(),
      dueOn: z.iso.date().nullable().meta({ example: '2026-11-09' }),
      overdue: z.boolean().meta({ description: 'The running step is past its due date (today, Madrid).' }),
      deadlineExpiryRecorded: z.boolean(),
      resolvedAt: instant.nullable(),
      outcome: z.enum(['granted', 'partially-granted', 'denied']).nullable(),
    }),
  ),
  next: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page; null on the last one.' }),
});
