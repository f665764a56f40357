import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { TooManyRequests, waitFor } from '../problem/too-many-requests';
import { limitOf, RATE_LIMIT_POLICIES, RateLimitPolicy } from './rate-limit.policies';

/**
 * Counts one request against a policy in the throttler's shared storage and refuses it past the
 * limit. Trackers (IP, DNI, phone) are hashed: Redis holds no personal data.
 */
@Injectable()
export class RateLimits {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(ConfigService) private readonly config: TypedConfig,
  ) {}

  async consume(policy: RateLimitPolicy, tracker: string): Promise<void> {
    const { limit, windowMs } = limitOf(this.config, policy);
    const record = await this.storage.increment(trackerKey(tracker), windowMs, limit, windowMs, policy);
    if (record.isBlocked) throw tooManyRequests(policy, limit, windowMs, record.timeToBlockExpire);
  }
}

function trackerKey(tracker: string): string {
  return createHash('sha256').update(tracker).digest('hex');
}

function tooManyRequests(
  policy: RateLimitPolicy,
  limit: number,
  windowMs: number,
  retryAfterSeconds: number,
): TooManyRequests {
  return new TooManyRequests(
    'RATE_LIMITED',
    'Too many requests',
    RATE_LIMIT_POLICIES[policy].detail(waitFor(retryAfterSeconds)),
    retryAfterSeconds,
    { facts: { limit: policy, allowed: limit, windowSeconds: windowMs / 1000 } },
  );
}
