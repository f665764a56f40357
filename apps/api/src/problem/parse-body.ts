import { z } from 'zod';
import { ApiProblem } from './api-problem';

/** Parses a body against its schema; every failing field is named in one 400 problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
  }));
  throw new ApiProblem(
    400,
    'VALIDATION_FAILED',
    'Invalid request',
    `The request is not valid: ${fields.map((f) => `${f.field || 'body'} ${f.message}`).join('; ')}.`,
    { fields },
  );
}
