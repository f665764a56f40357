import { z } from 'zod';

/** RFC 9457 problem details as every refusal of the API is written (problem/problem-details.ts). */
export const problemSchema = z
  .object({
    type: z.string().meta({ example: 'https://expediente.example/problems/case-not-found' }),
    title: z.string().meta({ example: 'Not found' }),
    status: z.number().int().min(400).max(599).meta({ example: 404 }),
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .meta({
        description: 'Stable and machine-readable: clients branch on it, never on the wording.',
        example: 'CASE_NOT_FOUND',
      }),
    detail: z.string().meta({ example: 'There is no case 4f0c… that you can see.' }),
    instance: z.string().optional(),
    facts: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'The facts the message was written from.' }),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'For a refused request body or query: each field and what is wrong with it.' }),
  })
  .meta({ description: 'A refusal (RFC 9457), in the language the client asked for.' });

export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';
