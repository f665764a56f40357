import { z } from 'zod';
import { isUnsafeTextIssue, UNSAFE_TEXT } from '@expediente/infra/validation/text';
import { ApiProblem } from './api-problem';

/**
 * Parses a body (or a query) against its schema; every failing field is named in one problem:
 * 400 VALIDATION_FAILED for a malformed request, 422 UNSAFE_TEXT when it is well-formed and
 * only its text holds characters we do not keep (controls, unpaired surrogates).
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
  }));
  const detail = `The request is not valid: ${fields.map((f) => `${f.field || 'body'} ${f.message}`).join('; ')}.`;
  if (parsed.error.issues.every(isUnsafeTextIssue))
    throw new ApiProblem(422, UNSAFE_TEXT, 'Unacceptable characters', detail, { fields });
  throw new ApiProblem(400, 'VALIDATION_FAILED', 'Invalid request', detail, { fields });
}
