import { z } from 'zod';
import { EXPEDIENTE_EVENT_TYPES, isValidIdentityNumber, normaliseIdentityNumber } from '@expediente/domain';
import { decodeActivityCursor } from '@expediente/infra/audit/audit-activity.port';
import { actorFields, instantSchema, isoInstant } from '../audit.shared';

const SYSTEM_ACTOR = /^system:[a-z-]{1,32}$/;

export const searchActivityQuery = z
  .object({
    actor: z
      .string()
      .trim()
      .refine(
        (actor) => SYSTEM_ACTOR.test(actor) || isValidIdentityNumber(actor),
        'must be a DNI/NIE (e.g. 12345678Z) or a system actor (system:worker)',
      )
      .transform((actor) => (SYSTEM_ACTOR.test(actor) ? actor : normaliseIdentityNumber(actor)))
      .optional()
      .meta({ description: 'Who acted: a DNI/NIE, or system:worker.', example: '50234567Z' }),
    caseId: z.uuid({ error: 'must be a case id (a UUID)' }).optional(),
    type: z
      .enum(EXPEDIENTE_EVENT_TYPES, {
        error: 'must be one of the event types Expediente records, e.g. ReviewerAssigned',
      })
      .optional(),
    from: isoInstant
      .optional()
      .meta({ description: 'Recorded at or after this instant.', example: '2026-11-01T00:00:00Z' }),
    to: isoInstant
      .optional()
      .meta({ description: 'Recorded at or before this instant.', example: '2026-11-30T23:59:59Z' }),
    limit: z.coerce
      .number({ error: 'must be a whole number from 1 to 200' })
      .int('must be a whole number from 1 to 200')
      .min(1, 'must be at least 1')
      .max(200, 'must be at most 200')
      .default(50),
    cursor: z
      .string()
      .refine(
        (cursor) => decodeActivityCursor(cursor) !== undefined,
        'must be the "next" value of a previous page',
      )
      .optional()
      .meta({ description: 'The `next` of the previous page.' }),
  })
  // Zod runs this even when a field failed (a format issue does not abort), so it checks what it got.
  .refine(({ from, to }) => !(from instanceof Date && to instanceof Date) || from.getTime() <= to.getTime(), {
    path: ['from'],
    message: 'must not be after to',
  });
export type SearchActivityQuery = z.infer<typeof searchActivityQuery>;

export const activityResponse = z.object({
  items: z.array(
    z.object({
      position: z.number().int(),
      eventId: z.uuid(),
      stream: z.string(),
      type: z.string().meta({ example: 'ReviewerAssigned' }),
      caseId: z
        .string()
        .nullable()
        .meta({ description: 'Null for events outside any case (a power granted).' }),
      ...actorFields,
      recordedAt: instantSchema,
    }),
  ),
  next: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page; null on the last one.' }),
});
export type ActivityView = z.infer<typeof activityResponse>;
