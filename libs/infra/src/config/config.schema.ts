import { z } from 'zod';

const url = (protocols: readonly string[], example: string) =>
  z
    .string()
    .trim()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')} (e.g. ${example})`,
    });

const port = z.coerce.number().int().min(0).max(65535);

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** "3/15m": at most 3 in a 15-minute window (s, m or h) opened by the first, per tracker (IP, person, phone…). */
const rateLimit = (fallback: `${number}/${number}${'s' | 'm' | 'h'}`) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}\/\d{1,6}[smh]$/, 'must read like 3/15m: a count, a slash and a window in s, m or h')
    .default(fallback)
    .transform((value): RateLimit => {
      const [, count = '', length = '', unit = ''] = /^(\d+)\/(\d+)([smh])$/.exec(value) ?? [];
      return { limit: Number(count), windowMs: Number(length) * (UNIT_MS[unit] ?? 0) };
    })
    .refine((value) => value.limit >= 1 && value.windowMs >= 1000, 'must allow at least 1 in at least 1s');

/** Every setting Expediente reads, with its default. The README's configuration table mirrors this. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  EVENTSTORE_URL: url(
    ['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover'],
    'esdb://localhost:2113?tls=false',
  ).optional(),
  DATABASE_URL: url(['postgres', 'postgresql'], 'postgres://user@host:5432/expediente').optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('public'),
  MONGODB_URL: url(['mongodb', 'mongodb+srv'], 'mongodb://localhost:27017/expediente').optional(),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: url(['redis', 'rediss'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix in Redis: separates deployments (and test runs) sharing one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w:-]{1,64}$/, 'letters, digits, _, - or :')
    .default('expediente'),
  /** JSON deadline policy (days per step, business or calendar, per procedure); unset: our defaults. */
  DEADLINE_POLICY_FILE: z.string().optional(),
  /** JSON holiday calendar (national, regional, local); unset: the sample 2026–2027 calendar. */
  HOLIDAY_CALENDAR_FILE: z.string().optional(),
  /** How often the worker promotes deadline jobs that fell due by the (possibly moved) clock. */
  DEADLINE_SWEEP_MS: z.coerce.number().int().min(50).default(15_000),
  /**
   * How often the worker re-drives effects the log still owes (a receipt, a letter, a
   * notification…) whose job Redis lost or failed; also how long one may be owed before that.
   */
  RECONCILE_MS: z.coerce.number().int().min(50).default(60_000),
  /**
   * Tamper evidence: the worker seals a signed checkpoint over the log once this many events
   * wait, or every LOG_CHECKPOINT_MS when fewer do; no checkpoint covers more than this many.
   */
  LOG_CHECKPOINT_EVENTS: z.coerce.number().int().min(1).max(100_000).default(10_000),
  LOG_CHECKPOINT_MS: z.coerce.number().int().min(50).default(60_000),
  /**
   * Who time-stamps checkpoints (RFC 3161): `local` is an authority inside this system with its
   * own key in DATA_DIR/tsa, for development only; `none` stamps nothing.
   */
  TIMESTAMP_AUTHORITY: z.enum(['none', 'local']).default('local'),
  /** How long a job is held by a worker that stopped answering before another takes it over. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  API_PORT: port.default(3000),
  BACKOFFICE_PORT: port.default(3001),
  WORKER_PORT: port.default(3002),
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Where the back office's pages reach the API (they are a client of it like any other); unset: this host's API_PORT. */
  API_INTERNAL_URL: url(['http', 'https'], 'http://127.0.0.1:3000').optional(),
  /** Where the operations page reaches the worker's /health and /metrics; unset: this host's WORKER_PORT. */
  WORKER_INTERNAL_URL: url(['http', 'https'], 'http://127.0.0.1:3002').optional(),
  /**
   * Signs the pages' CSRF tokens. Back-office replicas behind one address must share it; unset:
   * a random key per process, so a restart asks for a form to be sent again (nothing is lost).
   */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Production log-in: the identity provider's (Cl@ve bridge's) page the log-in button sends people to. */
  IDENTITY_LOGIN_URL: url(['https', 'http'], 'https://clave.example/login').optional(),
  CHROME_PATH: z.string().default('/usr/bin/chromium'),
  /** The local benefit-records adapter's data, upserted at start; `none` loads nothing. */
  BENEFIT_RECORDS_FILE: z.string().default('fixtures/benefit-records.json'),
  /**
   * Abuse limits, counted in Redis (under QUEUE_PREFIX) so they hold across API replicas. Login
   * has no password here to guess, but each login signs a token; per IP is loose because offices
   * and mobile carriers put many people behind one address.
   */
  RATE_LIMIT_LOGIN_PER_IP: rateLimit('100/15m'),
  RATE_LIMIT_LOGIN_PER_SUBJECT: rateLimit('20/15m'),
  /** Each code is an SMS we pay for: per person and thing signed, and per phone across all of them. */
  RATE_LIMIT_SIGNING_CODES_PER_FILING: rateLimit('3/15m'),
  RATE_LIMIT_SIGNING_CODES_PER_PHONE: rateLimit('5/15m'),
  /** Per principal, every route of the kind together. */
  RATE_LIMIT_SUBMISSIONS: rateLimit('30/15m'),
  RATE_LIMIT_UPLOADS: rateLimit('100/15m'),
  /**
   * Wrong signing codes per person and thing signed, whatever the number of codes sent: a new
   * code never restores the budget (kept in SQL with the codes, see one-time-codes.ts).
   */
  SIGNING_CODE_WRONG_GUESSES: rateLimit('3/1h'),
  /**
   * Express' `trust proxy`: how many proxies in front terminate TLS (or `true`/a subnet list).
   * Set behind a TLS proxy so req.secure holds and HSTS is sent; unset: trust none.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      "a hop count, true, or addresses/subnets such as 'loopback, 10.0.0.0/8'",
    )
    .transform((value) =>
      value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
    )
    .optional(),
  /** A slow client may take this long to send its headers, then the socket is cut (408). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(10_000),
  /** …and this long for the whole request, body included: a 10 MB upload needs ≥ 1.4 Mbit/s at 60 s. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** An idle keep-alive connection is closed after this long. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(5_000),
  /** Bearer token Prometheus must send to /metrics; in production /metrics is off (404) without one. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof configSchema>;

export class InvalidConfiguration extends Error {
  override readonly name = 'InvalidConfiguration';
}

/** Parses the environment; an invalid setting stops start-up with every problem named at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new InvalidConfiguration(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
