import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { AppConfig } from '../config/config.schema';

const ONE_YEAR = 365 * 24 * 3600;

/**
 * What every app sends and refuses at the HTTP level, set once here for the three of them:
 * helmet's headers (a CSP that forbids framing), no X-Powered-By, HSTS on TLS requests only,
 * `Cache-Control: no-store` by default (nearly every answer carries personal data; what
 * may be cached says so with `publiclyCacheable`), and socket timeouts so a slow client is cut off.
 */
export function hardenHttp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy: req.secure then follows X-Forwarded-Proto from trusted hops only.
  if (config.TRUST_PROXY !== undefined) app.set('trust proxy', config.TRUST_PROXY);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'frame-ancestors': ["'none'"],
          // HSTS does this job over TLS; over plain http://localhost it would break development.
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    // Sent over plain HTTP, HSTS is ignored by browsers at best and pins a dev host at worst.
    if (req.secure) res.setHeader('Strict-Transport-Security', `max-age=${ONE_YEAR}; includeSubDomains`);
    next();
  });
  applyTimeouts(app.getHttpServer() as Server, config);
}

/** Marks what is under `path` as public and cacheable: static pages that carry no personal data. */
export function publiclyCacheable(app: NestExpressApplication, path: string, maxAgeSeconds: number): void {
  app.use(path, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
    next();
  });
}

function applyTimeouts(server: Server, config: AppConfig): void {
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS);
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Node enforces the two timeouts on a sweep (every 30 s by default), which would let a slow
  // client overstay them by up to that much; read when the server starts listening.
  Object.assign(server, { connectionsCheckingInterval: 1000 });
}
