import type { AppConfig, RateLimit } from '@expediente/infra/config/config.schema';
import type { TypedConfig } from '@expediente/infra/infra.module';

/**
 * Every limit the API enforces, what it counts by, the setting that sizes it and what a
 * refused person is told. The routes' limits are applied by RateLimitGuard; the signing-code
 * ones by SigningCodeService, which counts only codes it is about to send.
 */
export const RATE_LIMIT_POLICIES = {
  'login-ip': {
    setting: 'RATE_LIMIT_LOGIN_PER_IP',
    detail: (wait: string) => `Too many logins from your network; try again in ${wait}.`,
  },
  'login-subject': {
    setting: 'RATE_LIMIT_LOGIN_PER_SUBJECT',
    detail: (wait: string) => `Too many logins as this person; try again in ${wait}.`,
  },
  'signing-code-filing': {
    setting: 'RATE_LIMIT_SIGNING_CODES_PER_FILING',
    detail: (wait: string) =>
      `We have already sent you several signing codes for this; use the latest SMS, or ask for a new code in ${wait}.`,
  },
  'signing-code-phone': {
    setting: 'RATE_LIMIT_SIGNING_CODES_PER_PHONE',
    detail: (wait: string) =>
      `Too many signing codes were sent to this phone; use the latest SMS, or ask for a new code in ${wait}.`,
  },
  submission: {
    setting: 'RATE_LIMIT_SUBMISSIONS',
    detail: (wait: string) =>
      `Too many submissions; your drafts are kept, so try again in ${wait}. A resubmission with the same Idempotency-Key never files twice.`,
  },
  upload: {
    setting: 'RATE_LIMIT_UPLOADS',
    detail: (wait: string) => `Too many uploads; your draft is kept, so try again in ${wait}.`,
  },
} as const satisfies Record<
  string,
  { setting: keyof AppConfig & `RATE_LIMIT_${string}`; detail: (wait: string) => string }
>;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

export const RATE_LIMIT_POLICY_NAMES = Object.keys(RATE_LIMIT_POLICIES) as RateLimitPolicy[];

export function isRateLimitPolicy(name: string | undefined): name is RateLimitPolicy {
  return name !== undefined && Object.hasOwn(RATE_LIMIT_POLICIES, name);
}

export function limitOf(config: TypedConfig, policy: RateLimitPolicy): RateLimit {
  return config.get(RATE_LIMIT_POLICIES[policy].setting, { infer: true });
}
