import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { IDENTITY_PROVIDER, IdentityProvider } from '@expediente/infra/identity/identity-provider.port';
import { SESSION_COOKIE } from '../web/session/cookies';

/** The queue dashboard shows job data (case ids, people's ids): operators only. */
@Injectable()
export class OperatorOnlyMiddleware implements NestMiddleware {
  constructor(@Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const token = bearer(req) ?? cookie(req, SESSION_COOKIE);
    const refuse = (status: number, code: string, detail: string) =>
      res
        .status(status)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: `https://expediente.example/problems/${code.toLowerCase()}`,
            title: 'Operators only',
            status,
            code,
            detail,
          }),
        );
    if (!token) return void refuse(401, 'UNAUTHENTICATED', 'Log in as an operator to see the job queues.');
    try {
      const principal = await this.identity.verifyToken(token);
      if (!principal.roles.includes('operator'))
        return void refuse(403, 'FORBIDDEN_ROLE', 'Only operators may see the job queues.');
      next();
    } catch {
      refuse(401, 'INVALID_TOKEN', 'The session is not valid; log in again.');
    }
  }
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
