import { z } from 'zod';
import type { CaseSnapshot } from '@expediente/domain';
import { caseIdSchema, isoInstant, position, resolvedPointSchema, type ResolvedPoint } from '../audit.shared';
import { caseSnapshotSchema } from '../case-snapshot.schema';

export const viewCaseStateQuery = z
  .object({
    at: isoInstant.optional().meta({
      description: 'The state as it stood at this instant (events recorded at or before it).',
      example: '2026-11-02T09:00:00Z',
    }),
    position: position.optional().meta({
      description: 'The state after the case’s last event at or before this log position.',
      example: '1048577',
    }),
  })
  .refine((query) => query.at === undefined || query.position === undefined, {
    path: ['position'],
    message: 'cannot be given with at: ask for one point, an instant or a position',
  });
export type ViewCaseStateQuery = z.infer<typeof viewCaseStateQuery>;

export const caseStateResponse = z.object({
  caseId: caseIdSchema,
  point: resolvedPointSchema,
  state: caseSnapshotSchema,
});

export interface CaseStateView {
  readonly caseId: string;
  readonly point: ResolvedPoint;
  readonly state: CaseSnapshot;
}
