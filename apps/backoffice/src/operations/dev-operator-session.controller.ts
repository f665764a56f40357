import { Controller, Get, Inject, NotFoundException, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Response } from 'express';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { IDENTITY_PROVIDER, IdentityProvider } from '@expediente/infra/identity/identity-provider.port';
import { DEV_OPERATOR } from '@expediente/infra/identity/dev-personas';
import { SESSION_COOKIE } from '../web/session/cookies';

/**
 * GET /dev/operator-session: a development shortcut past the log-in page that opens an operator
 * session in this browser and goes to /queues. Like the API's dev endpoints it mints a session for
 * anyone, so in production it answers exactly as an unknown route does.
 */
@Controller('dev')
export class DevOperatorSessionController {
  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
    @Inject(ConfigService) private readonly config: TypedConfig,
  ) {}

  @Get('operator-session')
  async open(@Res() res: Response): Promise<void> {
    if (this.config.get('NODE_ENV', { infer: true }) === 'production')
      throw new NotFoundException('Cannot GET /dev/operator-session');
    const { token, expiresAt } = await this.identity.issueToken(DEV_OPERATOR);
    res
      .cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', expires: expiresAt })
      .redirect(303, '/queues');
  }
}
