import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WrongExpectedVersion } from '@expediente/infra/event-store/event-store.port';
import { isDomainError, DomainErrorKind } from '@expediente/domain';
import { IdempotencyKeyReused } from '@expediente/infra/register/electronic-register';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { TooManyRequests } from './too-many-requests';

const STATUS_OF: Record<DomainErrorKind, number> = {
  validation: 422,
  'illegal-state': 409,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};
const TITLE_OF: Record<DomainErrorKind, string> = {
  validation: 'The request breaks a rule of the procedure',
  'illegal-state': 'Not possible in the current state of the case',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict',
};

/** The one place errors become HTTP: every refusal is application/problem+json with a stable code. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = { ...this.toProblem(error), instance: request.originalUrl };
    if (body.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (error instanceof TooManyRequests) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(error: unknown): ProblemDetails {
    if (isDomainError(error)) {
      return problem(STATUS_OF[error.kind], error.code, TITLE_OF[error.kind], error.message, {
        facts: error.facts,
      });
    }
    if (error instanceof IdempotencyKeyReused) {
      return problem(409, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key already used', error.message);
    }
    if (hasProblemShape(error)) {
      return problem(error.status, error.code, 'Request refused', error.message, {
        facts: error.facts ?? {},
      });
    }
    if (error instanceof WrongExpectedVersion) {
      return problem(
        409,
        'CONCURRENT_MODIFICATION',
        'Modified by someone else',
        'The case changed while you were working on it; reload it and try again.',
        {
          expectedVersion: error.expected,
          actualVersion: error.actual ?? null,
        },
      );
    }
    // Nest's Express adapter wraps body-parser's errors in an HttpException; the original is its cause.
    const parserError = isBodyParserError(error)
      ? error
      : error instanceof HttpException && isBodyParserError(error.cause)
        ? error.cause
        : undefined;
    if (parserError) {
      return parserError.type === 'entity.parse.failed'
        ? problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.')
        : problem(parserError.status, 'BAD_REQUEST_BODY', 'Unreadable request body', parserError.message);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const payload = error.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload)
        return { ...(payload as ProblemDetails), status };
      return problem(status, HttpStatus[status] ?? 'HTTP_ERROR', error.name, error.message);
    }
    return problem(
      500,
      'INTERNAL_ERROR',
      'Internal error',
      'Something went wrong on our side; nothing was changed. Please try again.',
    );
  }
}

interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    'status' in error &&
    typeof (error as BodyParserError).type === 'string' &&
    (error as BodyParserError).type.startsWith('entity.')
  );
}

/** Adapter errors that carry their own HTTP status and code (e.g. a refused upload). */
interface ProblemShaped {
  status: number;
  code: string;
  message: string;
  facts?: Record<string, unknown>;
}

function hasProblemShape(error: unknown): error is ProblemShaped {
  if (!(error instanceof Error)) return false;
  const e = error as Error & Partial<ProblemShaped>;
  return typeof e.status === 'number' && e.status >= 400 && typeof e.code === 'string';
}
