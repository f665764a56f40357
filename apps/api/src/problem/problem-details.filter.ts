import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WrongExpectedVersion } from '@expediente/infra/event-store/event-store.port';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

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
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(error: unknown): ProblemDetails {
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
    if (isBodyParserError(error)) {
      return error.type === 'entity.parse.failed'
        ? problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.')
        : problem(error.status, 'BAD_REQUEST_BODY', 'Unreadable request body', error.message);
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
