import { hash as digest } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth (UTF-16 code-unit order): one byte string per
 * value, whatever the key order. Stored hash chains depend on this output byte for byte:
 * event-hash.unit.spec.ts pins it.
 */
/** Keys JSON writes as they are, quoted: most keys, and quicker than JSON.stringify for each. */
const PLAIN_KEY = /^[A-Za-z0-9_$-]*$/;

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined) continue;
    const name = PLAIN_KEY.test(key) ? `"${key}"` : JSON.stringify(key);
    out += `${out.length === 1 ? '' : ','}${name}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/** What the hash covers: everything an auditor relies on, except positions the store assigns later. */
export interface HashedFields {
  readonly id: string;
  readonly stream: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recordedAt: Date;
}

/** The first event of a stream chains to this. */
export const GENESIS_HASH = '0'.repeat(64);

export function eventHash(previousHash: string, event: HashedFields): string {
  return digest('sha256', previousHash + hashedBody(event));
}

/**
 * canonicalJson of the envelope, with its eight keys written in sorted order by hand: the same
 * bytes, without building and sorting a wrapper object on every event (verification's hot path).
 */
function hashedBody(event: HashedFields): string {
  if (event.data === undefined || event.metadata === undefined) {
    const { id, stream, streamVersion, type, schemaVersion, data, metadata } = event;
    const recordedAt = event.recordedAt.toISOString();
    return canonicalJson({ id, stream, streamVersion, type, schemaVersion, data, metadata, recordedAt });
  }
  return (
    `{"data":${canonicalJson(event.data)},"id":${JSON.stringify(event.id)}` +
    `,"metadata":${canonicalJson(event.metadata)},"recordedAt":"${event.recordedAt.toISOString()}"` +
    `,"schemaVersion":${JSON.stringify(event.schemaVersion)},"stream":${JSON.stringify(event.stream)}` +
    `,"streamVersion":${JSON.stringify(event.streamVersion)},"type":${JSON.stringify(event.type)}}`
  );
}

export interface ChainVerdict {
  readonly intact: boolean;
  readonly events: number;
  /** Stream version of the first event whose stored hash does not match. */
  readonly brokenAt?: number;
}

/** Recomputes a stream's chain from its stored events (read raw: before upcasting). */
export async function verifyChain(
  events: AsyncIterable<HashedFields & { hash: string }>,
): Promise<ChainVerdict> {
  let previous = GENESIS_HASH;
  let count = 0;
  for await (const event of events) {
    if (event.streamVersion !== count || eventHash(previous, event) !== event.hash) {
      return { intact: false, events: count, brokenAt: event.streamVersion };
    }
    previous = event.hash;
    count += 1;
  }
  return { intact: true, events: count };
}

/** Plain JSON data as it will read back from storage (dates become strings, undefined disappears). */
export function toStoredJson<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}
