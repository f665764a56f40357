import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '@expediente/infra/http/problem-details';
import { jsonSchemaOf } from './json-schema';
import { PROBLEM_SCHEMA_REF } from './problem.schema';

/** A refusal an operation can answer with: its status and the stable codes clients branch on. */
export interface Refusal {
  readonly status: number;
  readonly codes: readonly string[];
}

/** What a client needs to call one use case, written once beside the slice's schemas. */
export interface OperationSpec {
  /** Named after the use case, e.g. `submitMedicalReports`. */
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  /** Without a token (the CSV check, development log-in). */
  readonly public?: true;
  /** A JSON body, validated with this schema; or `multipart` for one uploaded document. */
  readonly request?: z.ZodType | 'multipart';
  /** The success body; a content type instead for files (PDF, zip). None: no body. */
  readonly response?: z.ZodType | { readonly contentType: string; readonly description: string };
  /** The success status: 200 unless said. */
  readonly status?: 200 | 201 | 202 | 204;
  readonly refusals: readonly Refusal[];
  readonly idempotencyKey?: true;
  readonly ifMatch?: 'required' | 'optional';
  /** The response's ETag carries the version to send back as If-Match. */
  readonly etag?: true;
}

const problem = (refusal: Refusal) =>
  ApiResponse({
    status: refusal.status,
    description: refusal.codes.join(', '),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_SCHEMA_REF } } },
  });

/** Refusals every operation of a kind can give, so no operation forgets them. */
function commonRefusals(spec: OperationSpec): Refusal[] {
  return [
    ...(spec.public ? [] : [{ status: 401, codes: ['UNAUTHENTICATED', 'INVALID_TOKEN'] }]),
    ...(spec.request && spec.request !== 'multipart'
      ? [
          { status: 400, codes: ['VALIDATION_FAILED', 'MALFORMED_JSON'] },
          { status: 422, codes: ['UNSAFE_TEXT'] },
        ]
      : []),
  ];
}

/** Refusals of the same status are one response in OpenAPI: their codes are listed together. */
function byStatus(refusals: readonly Refusal[]): Refusal[] {
  const merged = new Map<number, Set<string>>();
  for (const { status, codes } of refusals) {
    const set = merged.get(status) ?? new Set<string>();
    codes.forEach((code) => set.add(code));
    merged.set(status, set);
  }
  return [...merged].sort(([a], [b]) => a - b).map(([status, codes]) => ({ status, codes: [...codes] }));
}

function success(spec: OperationSpec) {
  const status = spec.status ?? 200;
  const headers = spec.etag
    ? {
        ETag: {
          description: 'The version of what was returned: send it back as If-Match.',
          schema: { type: 'string' },
        },
      }
    : undefined;
  if (spec.response === undefined) return ApiResponse({ status, description: 'Done.', headers });
  if ('contentType' in spec.response) {
    return ApiResponse({
      status,
      description: spec.response.description,
      headers,
      content: { [spec.response.contentType]: { schema: { type: 'string', format: 'binary' } } },
    });
  }
  return ApiResponse({
    status,
    description: spec.summary,
    headers,
    content: { 'application/json': { schema: jsonSchemaOf(spec.response, 'output') } },
  });
}

function requestBody(request: OperationSpec['request']) {
  if (request === undefined) return [];
  if (request === 'multipart') {
    return [
      ApiConsumes('multipart/form-data'),
      ApiBody({
        required: true,
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
              description: "The document's role, e.g. medical-report, application-form, representation.",
            },
          },
        },
      }),
    ];
  }
  return [ApiBody({ required: true, schema: jsonSchemaOf(request, 'input') })];
}

/** The OpenAPI description of one use case's operation, and its success status. */
export const Operation = (spec: OperationSpec) =>
  applyDecorators(
    ApiOperation({
      operationId: spec.operationId,
      summary: spec.summary,
      description: spec.description,
      ...(spec.public && { security: [] }),
    }),
    ...(spec.public ? [] : [ApiBearerAuth()]),
    HttpCode(spec.status ?? 200),
    ...requestBody(spec.request),
    ...(spec.idempotencyKey
      ? [
          ApiHeader({
            name: 'Idempotency-Key',
            required: true,
            description:
              'Chosen by the client per request; the same key returns the same result, never a second one.',
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$', example: 'c0ffee00-submit-1' },
          }),
        ]
      : []),
    ...(spec.ifMatch
      ? [
          ApiHeader({
            name: 'If-Match',
            required: spec.ifMatch === 'required',
            description:
              'The ETag of the version you looked at; a newer one answers 409 (428 when required and missing).',
            schema: { type: 'string' },
          }),
        ]
      : []),
    success(spec),
    ...byStatus([...commonRefusals(spec), ...spec.refusals]).map(problem),
  );
