import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** One zod schema serves validation and the OpenAPI document: requests as input, responses as output. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    // Nest's document is OpenAPI 3.0: no `propertyNames`, nullable as 3.0 writes it.
    target: 'openapi-3.0',
  }) as JsonSchema;
  return json;
}
