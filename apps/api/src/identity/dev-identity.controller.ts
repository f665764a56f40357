import { Body, Controller, Get, Inject, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IDENTITY_PROVIDER, IdentityProvider } from '@expediente/infra/identity/identity-provider.port';
import { SMS_OUTBOX, SmsOutbox } from '@expediente/infra/sms/sms.port';
import { parseBody } from '../problem/parse-body';
import { Operation } from '../openapi/operation.decorator';
import { ZodQuery } from '../openapi/parameters';
import { DevelopmentOnlyGuard } from './development-only.guard';
import { RateLimited } from '../rate-limit/rate-limit.guard';
import {
  loginRequest,
  loginResponse,
  ONLY_IN_DEVELOPMENT,
  smsInbox,
  smsInboxQuery,
} from './dev-identity.schema';

/** Log in as anyone and read the SMS sent to a number, without Cl@ve or a phone. Not in production. */
@ApiTags('development')
@Controller('dev')
@UseGuards(DevelopmentOnlyGuard)
export class DevIdentityController {
  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
    @Inject(SMS_OUTBOX) private readonly sms: SmsOutbox,
  ) {}

  /** Limited like a real login would be: it is the one way in, in development as in tests. */
  @Post('login')
  @Operation({
    operationId: 'logInForDevelopment',
    summary: 'Log in as anyone (development)',
    description:
      'Stands in for Cl@ve and electronic certificates: issues a signed token for the principal described (DNI/NIE, name, roles, level of assurance, unit for staff, mobile for SMS codes). Limited per client address and per DNI/NIE like a real login. Not in production, where it answers 404 as an unknown route.',
    public: true,
    request: loginRequest,
    response: loginResponse,
    refusals: [
      ONLY_IN_DEVELOPMENT,
      { status: 422, codes: ['INVALID_IDENTITY_NUMBER'] },
      { status: 429, codes: ['RATE_LIMITED'] },
      { status: 503, codes: ['RATE_LIMIT_UNAVAILABLE'] },
    ],
  })
  @RateLimited('login-ip', 'login-subject')
  async login(@Body() body: unknown) {
    const { token, principal, expiresAt } = await this.identity.issueToken(parseBody(loginRequest, body));
    return { token, principal, expiresAt: expiresAt.toISOString() };
  }

  @Get('sms')
  @Operation({
    operationId: 'readDevelopmentSms',
    summary: 'Read the SMS sent to a mobile (development)',
    description:
      'The messages (signing codes) the development SMS gateway sent to a number, oldest first, instead of a phone. Not in production, where it answers 404 as an unknown route.',
    public: true,
    response: smsInbox,
    refusals: [ONLY_IN_DEVELOPMENT, { status: 400, codes: ['VALIDATION_FAILED'] }],
  })
  @ZodQuery(smsInboxQuery)
  inbox(@Query('to') to: unknown) {
    // An unencoded '+' in a query string arrives as a space: '?to=+34600000000' is meant literally.
    const query = parseBody(smsInboxQuery, { to: typeof to === 'string' ? to.replace(/^ /, '+') : to });
    return { to: query.to, messages: this.sms.inbox(query.to) };
  }
}
