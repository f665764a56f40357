import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { z } from 'zod';
import { jsonSchemaOf } from '../openapi/json-schema';

/** The OpenAPI description of a body validated by zod: one schema serves validation and /docs. */
export const ZodBody = (...schemas: z.ZodType[]) => {
  const [first, ...rest] = schemas.map((schema) => jsonSchemaOf(schema, 'input'));
  return ApiBody({ schema: rest.length === 0 ? first! : { oneOf: [first, ...rest] } });
};

/** A multipart upload of one document (field `file`) and its optional `kind`. */
export const DocumentUpload = () =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: 'PDF, JPEG, PNG or TIFF (decided by content)',
          },
          kind: {
            type: 'string',
            description: "the document's role, e.g. medical-report, application-form, representation",
          },
        },
      },
    }),
  );
