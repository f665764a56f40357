import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { ONE_TIME_CODE_TTL_MS, OneTimeCodes, VerifyOutcome } from '@expediente/infra/otp/one-time-codes';
import { maskPhoneNumber, SMS_GATEWAY, SmsGateway } from '@expediente/infra/sms/sms.port';
import { ApiProblem } from '../problem/api-problem';
import { TooManyRequests, waitFor } from '../problem/too-many-requests';
import { RateLimits } from '../rate-limit/rate-limits';

const TTL_MINUTES = ONE_TIME_CODE_TTL_MS / 60_000;

/**
 * The SMS one-time code that Cl@ve permanente users confirm a signature with (DESIGN "Signing").
 * `purpose` names what is being signed, e.g. `sign:<caseId>`: a code confirms that and nothing else.
 */
@Injectable()
export class SigningCodeService {
  private readonly logger = new Logger(SigningCodeService.name);

  constructor(
    private readonly codes: OneTimeCodes,
    @Inject(SMS_GATEWAY) private readonly sms: SmsGateway,
    private readonly limits: RateLimits,
  ) {}

  async requestCode(principal: Principal, purpose: string): Promise<{ sentTo: string; expiresAt: string }> {
    // As the domain's filingMustBeSigned: certificates and Cl@ve móvil sign without a code.
    if (principal.levelOfAssurance !== 'clave-permanente') {
      throw new ApiProblem(
        409,
        'SIGNING_CODE_NOT_NEEDED',
        'No signing code needed',
        `You logged in with ${principal.levelOfAssurance}, which signs directly, without an SMS code.`,
        { levelOfAssurance: principal.levelOfAssurance },
      );
    }
    if (!principal.mobile) {
      throw new ApiProblem(
        422,
        'NO_REGISTERED_MOBILE',
        'No registered mobile',
        'There is no mobile registered with your Cl@ve to send the signing code to; register one with Cl@ve or sign with a certificate.',
      );
    }
    // No SMS that could not be used; then only codes about to be sent are counted, so a refused
    // request (someone else's case, a certificate holder) spends nobody's allowance.
    const spent = await this.codes.exhaustedUntil(principal.subject, purpose);
    if (spent) throw attemptsExhausted(spent, new Date());
    await this.limits.consume('signing-code-filing', `${principal.subject}:${purpose}`);
    await this.limits.consume('signing-code-phone', principal.mobile);
    const { code, expiresAt } = await this.codes.issue(principal.subject, purpose);
    try {
      await this.sms.send(
        principal.mobile,
        `Expediente: your signing code is ${code}. It expires in ${TTL_MINUTES} minutes.`,
      );
    } catch (error) {
      this.logger.error(`SMS to ${maskPhoneNumber(principal.mobile)} failed: ${String(error)}`);
      throw new ApiProblem(
        502,
        'SMS_NOT_SENT',
        'The SMS could not be sent',
        'We could not send the code; please ask for a new one.',
      );
    }
    return { sentTo: maskPhoneNumber(principal.mobile), expiresAt: expiresAt.toISOString() };
  }

  /** Resolves once the code is accepted (and spent); otherwise throws the matching problem. */
  async confirm(principal: Principal, purpose: string, code: string): Promise<void> {
    const verdict = await this.codes.verify(principal.subject, purpose, code);
    if (verdict.outcome !== 'ok') throw refusal(verdict, new Date());
  }
}

/** The wrong-code budget is the person's for this purpose: a new code does not restore it. */
function attemptsExhausted(retryAt: Date, now: Date): TooManyRequests {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return new TooManyRequests(
    'SIGNING_CODE_ATTEMPTS_EXHAUSTED',
    'Too many wrong codes',
    `Too many wrong signing codes for this; a new code will not help. Your draft is kept: try again in ${waitFor(seconds)}, or sign with a certificate.`,
    seconds,
    { retryAt: retryAt.toISOString() },
  );
}

function refusal(verdict: Exclude<VerifyOutcome, { outcome: 'ok' }>, now: Date): ApiProblem {
  switch (verdict.outcome) {
    case 'wrong':
      return new ApiProblem(
        422,
        'SIGNING_CODE_WRONG',
        'Wrong signing code',
        verdict.attemptsLeft > 0
          ? `That is not the code we sent; ${verdict.attemptsLeft} attempt(s) left.`
          : `That is not the code we sent, and no attempts are left; try again in ${waitFor((verdict.retryAt.getTime() - now.getTime()) / 1000)}.`,
        { attemptsLeft: verdict.attemptsLeft },
      );
    case 'expired':
      return new ApiProblem(
        422,
        'SIGNING_CODE_EXPIRED',
        'Signing code expired',
        `Codes last ${TTL_MINUTES} minutes; ask for a new one.`,
      );
    case 'exhausted':
      return attemptsExhausted(verdict.retryAt, now);
    case 'none':
      return new ApiProblem(
        422,
        'SIGNING_CODE_NOT_REQUESTED',
        'No signing code requested',
        'Ask for a signing code first; codes can be used once.',
      );
    default: {
      const unknown: never = verdict;
      throw new Error(`Unknown verification outcome ${JSON.stringify(unknown)}`);
    }
  }
}
