import { z } from 'zod';
import { happenedBy, type HistoryPoint } from '@expediente/infra/audit/case-history';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { ApiProblem } from '../problem/api-problem';

/** Every audit route is the auditor's alone; an unknown case is 404, a bad query 422 naming its fields. */
export const AUDIT_REFUSALS = [
  { status: 403, codes: ['FORBIDDEN_ROLE'] },
  { status: 422, codes: ['INVALID_QUERY'] },
] as const;
export const CASE_REFUSALS = [
  ...AUDIT_REFUSALS,
  { status: 400, codes: ['INVALID_ID'] },
  { status: 404, codes: ['CASE_NOT_FOUND'] },
] as const;

/**
 * An auditor's query is read, not stored: any value it cannot use (a date that does not exist,
 * a range backwards, an event type nobody records) is 422 INVALID_QUERY naming each field.
 */
export function parseAuditQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  throw invalidQuery(
    parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'query', message: issue.message })),
  );
}

export const invalidQuery = (fields: readonly { field: string; message: string }[]): ApiProblem =>
  new ApiProblem(
    422,
    'INVALID_QUERY',
    'Invalid query',
    `The query cannot be answered: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
    { fields },
  );

const POSITION = /^\d{1,16}$/;
const POINT_MESSAGE =
  'must be a log position (a whole number, e.g. 1048577) or an ISO 8601 instant (e.g. 2026-11-02T09:00:00Z)';

export const isoInstant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 instant, e.g. 2026-11-02T09:00:00Z' })
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), 'must be an instant that exists');

/** A point in a case's history: a global log position, or an instant. */
export const historyPoint = z
  .string({ error: `must be given: ${POINT_MESSAGE.replace(/^must be /, '')}` })
  .transform((value, ctx): HistoryPoint => {
    if (POSITION.test(value)) return { kind: 'position', position: Number(value) };
    const instant = isoInstant.safeParse(value);
    if (instant.success) return { kind: 'instant', at: instant.data };
    ctx.addIssue({ code: 'custom', message: POINT_MESSAGE });
    return z.NEVER;
  })
  .meta({ description: POINT_MESSAGE, example: '2026-11-02T09:00:00Z' });

export const position = z
  .string()
  .regex(POSITION, 'must be a log position, a whole number')
  .transform(Number);

/**
 * Whether `a` lies after `b` when both say the same kind of thing; an instant and a position are
 * compared once resolved against the history. Zod runs the refinement that calls this even when a
 * point failed to parse, so anything but two points is "not after".
 */
export const isAfter = (a: HistoryPoint | undefined, b: HistoryPoint | undefined): boolean => {
  if (a?.kind === 'position' && b?.kind === 'position') return a.position > b.position;
  if (a?.kind === 'instant' && b?.kind === 'instant') return a.at.getTime() > b.at.getTime();
  return false;
};

export const instantSchema = z.iso.datetime().meta({ example: '2026-11-02T09:00:05.000Z' });
export const caseIdSchema = z.uuid().meta({ example: '4f0c2a9e-8d1b-4c57-9a3e-2b6f1d0c7e55' });

/** Who acted, as the event's metadata records it. */
export const actorFields = {
  actor: z.string().nullable().meta({ description: 'DNI/NIE, or system:worker', example: '50234567Z' }),
  actorName: z.string().nullable(),
  role: z.string().nullable().meta({ description: 'Comma-separated roles', example: 'reviewer' }),
  levelOfAssurance: z.string().nullable().meta({ example: 'certificate' }),
};

export const metadataOf = (metadata: Readonly<Record<string, unknown>>) => {
  const text = (key: string) => {
    const value = metadata[key];
    return typeof value === 'string' ? value : null;
  };
  return {
    actor: text('actor'),
    actorName: text('actorName'),
    role: text('role'),
    levelOfAssurance: text('levelOfAssurance'),
  };
};

/** Where a point fell in the case's history: what was asked, and the last event it takes in. */
export const resolvedPointSchema = z.object({
  at: instantSchema.nullable().meta({ description: 'The instant asked for, if one was.' }),
  position: z.number().int().nullable().meta({ description: 'The log position asked for, if one was.' }),
  events: z
    .number()
    .int()
    .min(0)
    .meta({ description: 'How many of the case’s events had happened by then.' }),
  lastEvent: z
    .object({
      id: z.uuid(),
      stream: z.string(),
      type: z.string(),
      position: z.number().int(),
      recordedAt: instantSchema,
    })
    .nullable(),
});
export type ResolvedPoint = z.infer<typeof resolvedPointSchema>;

/** The case's events (in log order) that had happened by `point`, and where that point fell. */
export function upTo<E extends Pick<StoredEvent, 'id' | 'stream' | 'type' | 'position' | 'recordedAt'>>(
  events: readonly E[],
  point: HistoryPoint | undefined,
): { readonly events: readonly E[]; readonly point: ResolvedPoint } {
  const taken = point ? events.filter((event) => happenedBy(point, event)) : events;
  const last = taken[taken.length - 1];
  return {
    events: taken,
    point: {
      at: point?.kind === 'instant' ? point.at.toISOString() : null,
      position: point?.kind === 'position' ? point.position : null,
      events: taken.length,
      lastEvent: last
        ? {
            id: last.id,
            stream: last.stream,
            type: last.type,
            position: last.position,
            recordedAt: last.recordedAt.toISOString(),
          }
        : null,
    },
  };
}
