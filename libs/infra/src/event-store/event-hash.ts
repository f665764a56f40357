import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth (UTF-16 code-unit order): one byte string per
 * value, whatever the key order. Stored hash chains depend on this output byte for byte:
 * event-hash.unit.spec.ts pins it.
 */
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
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
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
  const body = canonicalJson({
    id: event.id,
    stream: event.stream,
    streamVersion: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  });
  return createHash('sha256').update(previousHash).update(body).digest('hex');
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
