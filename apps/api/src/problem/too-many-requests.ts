import { ApiProblem } from './api-problem';

/** A 429: the filter sends `Retry-After` with it (RFC 9110 §10.2.3), in whole seconds. */
export class TooManyRequests extends ApiProblem {
  constructor(
    code: string,
    title: string,
    detail: string,
    readonly retryAfterSeconds: number,
    extensions: Record<string, unknown> = {},
  ) {
    super(429, code, title, detail, { retryAfterSeconds, ...extensions });
  }
}

/** "4 minutes", "1 hour", "30 seconds": how long to wait, for a person to read. */
export function waitFor(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}
