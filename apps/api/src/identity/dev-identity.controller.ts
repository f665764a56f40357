import { Body, Controller, Get, HttpCode, Inject, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { IDENTITY_PROVIDER, IdentityProvider } from '@expediente/infra/identity/identity-provider.port';
import { e164, principalSchema } from '@expediente/infra/identity/principal.schema';
import { SMS_OUTBOX, SmsOutbox } from '@expediente/infra/sms/sms.port';
import { parseBody } from '../problem/parse-body';
import { DevelopmentOnlyGuard } from './development-only.guard';
import { ZodBody } from '../problem/zod-body.decorator';
import { RateLimited } from '../rate-limit/rate-limit.guard';

const inboxQuery = z.object({ to: e164 });

/** Log in as anyone and read the SMS sent to a number, without Cl@ve or a phone. Not in production. */
@ApiTags('development')
@Controller('dev')
@UseGuards(DevelopmentOnlyGuard)
export class DevIdentityController {
  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
    @Inject(SMS_OUTBOX) private readonly sms: SmsOutbox,
  ) {}

  /**
   * An invalid DNI/NIE is refused by the provider with the domain's INVALID_IDENTITY_NUMBER (422).
   * Limited like a real login would be: it is the one way in, in development as in tests.
   */
  @Post('login')
  @HttpCode(200)
  @ZodBody(principalSchema)
  @RateLimited('login-ip', 'login-subject')
  async login(@Body() body: unknown) {
    const { token, principal, expiresAt } = await this.identity.issueToken(parseBody(principalSchema, body));
    return { token, principal, expiresAt: expiresAt.toISOString() };
  }

  @Get('sms')
  inbox(@Query('to') to: unknown) {
    // An unencoded '+' in a query string arrives as a space: '?to=+34600000000' is meant literally.
    const query = parseBody(inboxQuery, { to: typeof to === 'string' ? to.replace(/^ /, '+') : to });
    return { to: query.to, messages: this.sms.inbox(query.to) };
  }
}
