import { applyDecorators, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModuleOptions,
  ThrottlerOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { normaliseIdentityNumber } from '@expediente/domain';
import type { TypedConfig } from '@expediente/infra/infra.module';
import type { AuthenticatedRequest } from '../identity/auth.guard';
import { RateLimits } from './rate-limits';
import { isRateLimitPolicy, limitOf, RATE_LIMIT_POLICY_NAMES, RateLimitPolicy } from './rate-limit.policies';

const POLICIES_KEY = 'expediente:rate-limits';
const reflector = new Reflector();

const policiesOf = (context: ExecutionContext): readonly RateLimitPolicy[] =>
  reflector.getAllAndOverride<RateLimitPolicy[] | undefined>(POLICIES_KEY, [
    context.getHandler(),
    context.getClass(),
  ]) ?? [];

/** What each route policy counts by. The signing-code policies are counted by SigningCodeService. */
function trackerOf(policy: RateLimitPolicy, req: AuthenticatedRequest): string {
  switch (policy) {
    case 'login-ip':
      return req.ip ?? req.socket.remoteAddress ?? 'unknown';
    case 'login-subject': {
      // Not validated yet (the route refuses a bad one), but normalised as the provider will, so
      // "12345678-z" and "12345678Z" count as one person.
      const subject: unknown = req.body?.subject;
      return typeof subject === 'string' ? normaliseIdentityNumber(subject).slice(0, 32) : '';
    }
    case 'submission':
    case 'upload':
      if (!req.principal) throw new Error(`The ${policy} limit needs AuthGuard to run first`);
      return req.principal.subject;
    case 'signing-code-filing':
    case 'signing-code-phone':
      throw new Error(`${policy} is counted by SigningCodeService, not on a route`);
    default: {
      const unknown: never = policy;
      throw new Error(`Unknown rate-limit policy ${String(unknown)}`);
    }
  }
}

/**
 * The throttlers, one per route policy, each counting only on routes marked with it. A key is
 * the policy and the hashed tracker, not the route: a principal's uploads are counted together,
 * wherever they go.
 */
export function routeThrottlers(config: TypedConfig): ThrottlerOptions[] {
  return RATE_LIMIT_POLICY_NAMES.filter((policy) => !policy.startsWith('signing-code')).map((policy) => {
    const { limit, windowMs } = limitOf(config, policy);
    return {
      name: policy,
      limit,
      ttl: windowMs,
      skipIf: (context) => !policiesOf(context).includes(policy),
      getTracker: (_req, context) =>
        trackerOf(policy, context.switchToHttp().getRequest<AuthenticatedRequest>()),
    };
  });
}

/**
 * @nestjs/throttler's guard, refusing with our 429 (problem+json, `Retry-After`) instead of its
 * ThrottlerException, whose message cannot say which limit was hit nor when to come back.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly limits: RateLimits,
  ) {
    super(options, storage, reflector);
  }

  protected override async handleRequest({
    context,
    throttler,
    getTracker,
  }: ThrottlerRequest): Promise<boolean> {
    const policy = throttler.name;
    if (!isRateLimitPolicy(policy)) throw new Error(`Unknown rate-limit policy ${String(policy)}`);
    const { req } = this.getRequestResponse(context);
    await this.limits.consume(policy, await getTracker(req, context));
    return true;
  }
}

/**
 * Counts the route against the named limits. Put it on the method: method guards run after the
 * controller's AuthGuard, so per-principal limits see who is asking.
 */
export const RateLimited = (
  ...policies: [RateLimitPolicy, ...RateLimitPolicy[]]
): ReturnType<typeof applyDecorators> =>
  applyDecorators(
    SetMetadata(POLICIES_KEY, policies),
    UseGuards(RateLimitGuard),
    // The 429 (problem+json, Retry-After) is declared with the operation's other refusals.
  );
