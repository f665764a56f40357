import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';
import type { z } from 'zod';
import { jsonSchemaOf, type JsonSchema } from './json-schema';

/** One query parameter per property of the zod schema the controller parses the query with. */
export const ZodQuery = (schema: z.ZodObject) => {
  const json = jsonSchemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return applyDecorators(
    ...Object.entries(properties).map(([name, { description, ...property }]) =>
      ApiQuery({
        name,
        required: required.has(name) && property.default === undefined,
        description: typeof description === 'string' ? description : undefined,
        schema: property,
      }),
    ),
  );
};

/** A path id checked by `uuidParam`: a UUID, or 400 INVALID_ID. */
export const UuidPathParameter = (name: string, description: string) =>
  ApiParam({
    name,
    description,
    schema: { type: 'string', format: 'uuid', example: '3f6c2a9e-8d41-4b7a-9c0e-5a1d2b3c4d5e' },
  });
