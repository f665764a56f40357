import { z } from 'zod';

const instant = (description: string) =>
  z.iso.datetime({ offset: true }).meta({ description, example: '2026-11-02T09:00:00.000Z' });

export const exportCaseQuery = z
  .object({
    withDocuments: z
      .enum(['true', 'false'])
      .default('false')
      .meta({ description: "Include the documents' bytes (documents/<sha256>), not only their hashes." }),
    from: instant('Only events recorded at or after this instant.').optional(),
    to: instant('Only events recorded before this instant.').optional(),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: 'must be later than from',
    path: ['to'],
  });
export type ExportCaseQuery = z.infer<typeof exportCaseQuery>;
