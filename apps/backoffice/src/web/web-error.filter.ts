import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HttpProblemFilter } from '@expediente/infra/http/http-problem.filter';
import { ErrorKind, renderError } from './views';
import { maybeWebContextOf } from './web-context';

/**
 * Errors on a page read as a page (in the person's language, with the request's reference);
 * everything else the back office serves (queue board API, probes) keeps problem+json.
 */
@Catch()
export class WebErrorFilter extends HttpProblemFilter {
  private readonly log = new Logger('WebErrors');

  override catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const web = maybeWebContextOf(req);
    // A browser asks for text/html by name; an API client (`*/*`, JSON) keeps problem+json.
    const wantsPage = (req.header('accept') ?? '').includes('text/html');
    if (!web || !wantsPage) return super.catch(error, host);
    const status = error instanceof HttpException ? error.getStatus() : 500;
    if (status >= 500) this.log.error(error instanceof Error ? error.stack : String(error));
    const kind: ErrorKind =
      status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status >= 500 ? 'internal' : 'badRequest';
    http
      .getResponse<Response>()
      .status(status)
      .type('html')
      .send(renderError(web, status, kind));
  }
}
