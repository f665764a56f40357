import { z } from 'zod';
import { normaliseIdentityNumber } from '@expediente/domain';
import { isDocumentReadCursor } from '@expediente/infra/case-access/document-reads';
import { line } from '@expediente/infra/validation/text';

const instant = z.iso.datetime().meta({ example: '2026-03-02T09:15:00.000Z' });

export const listDocumentReadsQuery = z.object({
  caseId: z.uuid().optional().meta({ description: 'Reads of this case’s documents only.' }),
  actor: line(32)
    .transform((id) => normaliseIdentityNumber(id))
    .optional()
    .meta({ description: 'Reads by this person (DNI/NIE) only.', example: '22222222J' }),
  from: instant.optional().meta({ description: 'Reads at or after this instant.' }),
  to: instant.optional().meta({ description: 'Reads before this instant.' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .refine(isDocumentReadCursor, 'must be the "next" value of a previous page')
    .optional()
    .meta({ description: 'The `next` of the previous page.' }),
});
export type ListDocumentReadsQuery = z.infer<typeof listDocumentReadsQuery>;

export const listDocumentReadsResponse = z.object({
  items: z.array(
    z.object({
      eventId: z.uuid(),
      caseId: z.uuid(),
      reader: z.object({
        id: z.string().meta({ example: '22222222J' }),
        role: z.enum(['reviewer', 'supervisor']),
        unit: z.object({
          id: z.string().meta({ example: 'INSS-28' }),
          name: z.string().meta({ example: 'INSS Madrid' }),
        }),
        levelOfAssurance: z.enum(['certificate', 'clave-permanente', 'clave-movil']),
      }),
      document: z.object({
        blobHash: z.string().regex(/^[0-9a-f]{64}$/),
        filename: z.string().meta({ example: 'informe.pdf' }),
        contentType: z.string().meta({ example: 'application/pdf' }),
        providedIn: z.enum(['filing', 'information', 'proof-of-receipt', 'resolution']),
      }),
      requestId: z.string().meta({ description: 'The X-Request-Id of the request that read it.' }),
      readAt: instant,
      streamVersion: z
        .number()
        .int()
        .min(0)
        .meta({ description: 'Its place in stream case-access-<caseId>, to check against the log.' }),
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .meta({ description: 'The event’s hash in the chain.' }),
    }),
  ),
  next: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page; null on the last one.' }),
});
