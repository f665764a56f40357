import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { localiseProblem, problemLanguage } from './problem-messages/problem-messages';

/**
 * Errors that any of our HTTP apps can meet (unknown route, unreadable body, a bug), as
 * problem+json. Titles are the status's reason phrase: a body never names one of our classes.
 */
export function httpProblem(error: unknown): ProblemDetails {
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
    return problem(
      status,
      HttpStatus[status] ?? 'HTTP_ERROR',
      STATUS_CODES[status] ?? 'Request refused',
      error.message,
    );
  }
  return problem(
    500,
    'INTERNAL_ERROR',
    'Internal error',
    'Something went wrong on our side; nothing was changed. Please try again.',
  );
}

/** The worker's and the back office's filter; the API's extends `toProblem` with domain errors. */
@Catch()
export class HttpProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const language = problemLanguage(request.query, request.header('accept-language'));
    const details = localiseProblem(this.toProblem(error), language);
    if (details.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    const body = { ...details, instance: request.originalUrl };
    const response = http.getResponse<Response>();
    // A refusal that says when to come back (429, 503) says it in the header too.
    if (typeof details.retryAfterSeconds === 'number')
      response.setHeader('Retry-After', String(details.retryAfterSeconds));
    response.setHeader('Content-Language', language);
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  protected toProblem(error: unknown): ProblemDetails {
    return httpProblem(error);
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
