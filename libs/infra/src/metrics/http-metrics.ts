import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics';

export type AppName = 'api' | 'worker' | 'backoffice';

/**
 * Times every request of an app. The route label is the matched pattern (`/filings/:procedure`),
 * never the URL: ids in labels would make a new time series per case. Routers mounted under a
 * path (the queue board, the API docs) are labelled by that path; nothing matched is `unmatched`.
 */
export function httpMetrics(app: AppName) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = httpRequestDuration.startTimer({ app, method: req.method });
    res.once('finish', () => stop({ route: routeOf(req), status: String(res.statusCode) }));
    next();
  };
}

/** A pattern that matches any path, as Nest's not-found route (`{/*splat}`) does. */
/** Express 5 catch-all patterns ('/*splat', '{/*splat}', '/{*splat}'): a middleware's, not a route's. */
const CATCH_ALL = /^\/?\{?\/?\*\w*\}?$/;

function routeOf(req: Request): string {
  const pattern: unknown = req.route?.path;
  if (typeof pattern === 'string' && !CATCH_ALL.test(pattern)) return `${req.baseUrl}${pattern}` || '/';
  return req.baseUrl || 'unmatched';
}
