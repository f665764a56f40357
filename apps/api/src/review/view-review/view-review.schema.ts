import { z } from 'zod';
import { PROCEDURES } from '@expediente/domain';
import { caseIdSchema, REVIEW_STATUSES } from '../review.shared';

const unit = z.object({
  kind: z.enum(['INSS', 'ICAM']),
  id: z.string().meta({ example: 'INSS-28' }),
  name: z.string().meta({ example: 'INSS Madrid' }),
});

/**
 * The review as its unit's staff see it (every field of the domain's state), or as its parties
 * see it: where it stands, what is asked of them and by when; never the reviewer's name.
 */
export const reviewViewSchema = z.looseObject({
  caseId: caseIdSchema,
  status: z.enum(REVIEW_STATUSES),
  procedure: z.enum(PROCEDURES),
  unit,
  version: z.number().int().min(0).meta({ example: 3 }),
  request: z
    .object({
      requested: z.string(),
      dueOn: z.iso.date().meta({ example: '2026-11-24' }),
      requestedAt: z.iso.datetime(),
    })
    .optional()
    .meta({
      description: 'While the case waits on the citizen: what was asked, and the last day to answer.',
    }),
  withdrawnAt: z.iso.datetime().optional(),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;
