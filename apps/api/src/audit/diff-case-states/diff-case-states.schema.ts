import { z } from 'zod';
import type { StateChange } from '@expediente/domain';
import {
  actorFields,
  caseIdSchema,
  historyPoint,
  instantSchema,
  isAfter,
  resolvedPointSchema,
  type ResolvedPoint,
} from '../audit.shared';

export const diffCaseStatesQuery = z
  .object({ from: historyPoint, to: historyPoint })
  .refine((query) => !isAfter(query.from, query.to), { path: ['from'], message: 'must not come after to' });
export type DiffCaseStatesQuery = z.infer<typeof diffCaseStatesQuery>;

const change = {
  path: z.string().meta({ example: 'review.status' }),
  from: z
    .unknown()
    .optional()
    .meta({ description: 'Absent when the field did not exist before.', example: 'open' }),
  to: z
    .unknown()
    .optional()
    .meta({ description: 'Absent when the field no longer exists.', example: 'assigned' }),
};

export const caseDiffResponse = z.object({
  caseId: caseIdSchema,
  from: resolvedPointSchema,
  to: resolvedPointSchema,
  changes: z
    .array(
      z.object({
        ...change,
        events: z
          .array(z.uuid())
          .meta({ description: 'The events between the points that changed this path.' }),
      }),
    )
    .meta({ description: 'What differs between the state at `from` and at `to`, field by field.' }),
  events: z
    .array(
      z.object({
        position: z.number().int(),
        eventId: z.uuid(),
        stream: z.string(),
        type: z.string(),
        recordedAt: instantSchema,
        ...actorFields,
        changes: z.array(z.object(change)),
      }),
    )
    .meta({
      description:
        'Each event after `from` up to `to`, in log order: who did it, how they logged in, what it changed.',
    }),
});

export interface EventStep {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string | null;
  readonly actorName: string | null;
  readonly role: string | null;
  readonly levelOfAssurance: string | null;
  readonly changes: readonly StateChange[];
}

export interface CaseDiffView {
  readonly caseId: string;
  readonly from: ResolvedPoint;
  readonly to: ResolvedPoint;
  readonly changes: readonly (StateChange & { readonly events: readonly string[] })[];
  readonly events: readonly EventStep[];
}
