import { z } from 'zod';
import { decodeCaseCursor } from '@expediente/infra/case-status/case-status.port';
import { caseStatusView } from '../status.schema';
import { languageQuery } from '../status.language';

export const myCasesQuery = languageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z
    .string()
    .refine((cursor) => decodeCaseCursor(cursor) !== undefined, 'must be the "next" value of a previous page')
    .optional(),
});
export type MyCasesQuery = z.infer<typeof myCasesQuery>;

export const myCasesPage = z.object({
  items: z.array(caseStatusView),
  next: z.string().nullable().meta({ description: 'Pass as `before` for the next page; null on the last.' }),
});
