import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is kept only if it is a plain token of sane length; anything else could forge log lines. */
const ACCEPTABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const current = new AsyncLocalStorage<string>();

/**
 * The request's id: the caller's X-Request-Id when acceptable, else a new UUID. Set once on
 * the request (pino-http's `req.id`) and echoed on the response, whoever asks first.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Middleware: what the request does — commands, their events, the jobs those cause — carries its id. */
export function bindCorrelationId(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  current.run(requestIdOf(req, res), next);
}

/** The correlation id of the request being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return current.getStore();
}
