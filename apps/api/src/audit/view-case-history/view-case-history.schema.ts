import { z } from 'zod';
import { caseIdSchema, instantSchema, position } from '../audit.shared';

export const viewCaseHistoryQuery = z.object({
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 500' })
    .int('must be a whole number from 1 to 500')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(100),
  cursor: position.optional().meta({ description: 'The `next` of the previous page.', example: '1048577' }),
});
export type ViewCaseHistoryQuery = z.infer<typeof viewCaseHistoryQuery>;

/** The envelope exactly as stored: what the hash chain covers, before any upcasting. */
export const storedEventSchema = z.object({
  id: z.uuid(),
  stream: z.string().meta({ example: 'review-4f0c2a9e-8d1b-4c57-9a3e-2b6f1d0c7e55' }),
  type: z
    .string()
    .meta({ description: 'The event type, as the domain names it.', example: 'ReviewerAssigned' }),
  schemaVersion: z.number().int().min(1),
  data: z
    .unknown()
    .meta({ description: 'The event’s facts, as its type defines them (libs/domain, *.events.ts).' }),
  metadata: z
    .looseObject({
      actor: z.string().optional().meta({ description: 'DNI/NIE of who acted, or system:worker' }),
      actorName: z.string().optional(),
      role: z.string().optional().meta({ description: 'Comma-separated roles of the actor' }),
      levelOfAssurance: z.string().optional().meta({ example: 'clave-permanente' }),
      command: z.string().optional().meta({ example: 'AssignReviewer' }),
      correlationId: z.string().optional(),
      causationId: z.string().optional().meta({ description: 'The event that caused this one' }),
      idempotencyKey: z.string().optional(),
      reason: z.string().optional(),
    })
    .meta({ description: 'Who did it and why.' }),
  recordedAt: instantSchema,
  streamVersion: z.number().int().min(0),
  position: z.number().int().min(1).meta({ description: 'Global log position.' }),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({
      description: 'sha-256 over the previous event’s hash and this event’s canonical JSON (RFC 8785).',
    }),
});
export type StoredEventView = z.infer<typeof storedEventSchema>;

export const caseHistoryResponse = z.object({
  caseId: caseIdSchema,
  streams: z
    .array(
      z.object({
        stream: z.string(),
        events: z.number().int().min(1),
        lastVersion: z.number().int().min(0),
      }),
    )
    .meta({ description: 'Every stream that makes up the case, whatever page this is.' }),
  items: z.array(storedEventSchema).meta({ description: 'Events of every stream, in global log order.' }),
  next: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page; null on the last one.' }),
});
export type CaseHistoryView = z.infer<typeof caseHistoryResponse>;
