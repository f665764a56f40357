/**
 * A keyset page's end, as the read models hand it to clients: base64url of "<instant> <id>".
 * A client may send anything back, and what comes back goes into SQL parameters, so decoding
 * accepts exactly what encoding produces: a canonical ISO instant from year 1 to 9999 (which
 * PostgreSQL's timestamptz holds) and a UUID — never a NUL, a far-future year or a stray space.
 */
export interface KeysetPosition {
  readonly at: Date;
  readonly id: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeKeysetCursor = ({ at, id }: KeysetPosition): string =>
  Buffer.from(`${at.toISOString()} ${id}`).toString('base64url');

/** Undefined when `value` is not a cursor `encodeKeysetCursor` made. */
export function decodeKeysetCursor(value: string): KeysetPosition | undefined {
  if (!BASE64URL.test(value)) return undefined;
  const [at = '', id = '', ...rest] = Buffer.from(value, 'base64url').toString('utf8').split(' ');
  if (rest.length > 0 || !INSTANT.test(at) || !UUID.test(id)) return undefined;
  const instant = new Date(at);
  // Rolls over silently otherwise: "2026-02-30T…" would be read as 2 March.
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== at) return undefined;
  return { at: instant, id };
}
