import fc from 'fast-check';

/**
 * What an attacker (or a broken client) types: characters PostgreSQL's jsonb refuses (NUL,
 * lone surrogates), controls that draw on terminals or split headers, bidirectional overrides
 * that disguise a file's extension, combining marks, and characters from every plane.
 */
const SPECIAL_CHARACTERS = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u061c',
  '\u0085',
  '\u009b',
  '\u001b[2J',
  '\u0007',
  '\r',
  '\n',
  '\t',
  '\ufeff',
  '\uffff',
  '\u{10ffff}',
  'e\u0301',
  '%00',
  '../',
  "'; DROP TABLE events; --",
  '__proto__',
];

const hostileCharacter = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARACTERS) },
  // Any code point, surrogate halves included (String.fromCodePoint gives a lone one for those).
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((point) => String.fromCodePoint(point)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)) },
);

/** A string with at least one hostile character in it. */
export const hostileText = fc
  .tuple(fc.string({ maxLength: 8 }), fc.string({ unit: hostileCharacter, minLength: 1, maxLength: 12 }))
  .map(([plain, hostile]) => plain + hostile);

/** Out-of-range, wrongly typed and oversized values. */
const hostileNonString = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    [],
    {},
    { $ne: null },
    'x'.repeat(60_000),
    JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`),
  ),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A hostile value for a field whose valid value is `valid`: that value with hostile text around it, or anything else. */
export const hostileValueFor = (valid: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileText.map((text) => (typeof valid === 'string' ? valid + text : text)) },
    { weight: 2, arbitrary: hostileText.map((text) => (typeof valid === 'string' ? text + valid : text)) },
    { weight: 3, arbitrary: hostileNonString },
    { weight: 1, arbitrary: fc.constant([valid]) },
  );

/** Every path to a leaf of a JSON body (`beneficiaries.0.name`), the fields a property mutates. */
export function leafPaths(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const empty = Array.isArray(value)
    ? value.length === 0
    : typeof value === 'object' && value !== null && Object.keys(value).length === 0;
  if (empty) return [[...prefix]];
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  return [[...prefix]];
}

export function valueAt(body: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], body);
}

/** A copy of `body` with `value` at `path`. */
export function withValueAt(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(body)) {
    const items: unknown[] = [...body];
    items[Number(head)] = withValueAt(items[Number(head)], rest, value);
    return items;
  }
  const fields: Record<string, unknown> = { ...(body as object) };
  fields[head] = withValueAt(fields[head], rest, value);
  return fields;
}

/**
 * Percent-encodes every UTF-16 code unit as bytes, lone surrogates included (as their 3-byte
 * generalised UTF-8, which no decoder accepts): encodeURIComponent would throw on them.
 */
export function rawPercentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const point = char.codePointAt(0)!;
    const bytes =
      point >= 0xd800 && point <= 0xdfff
        ? [0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f)]
        : [...Buffer.from(char, 'utf8')];
    out += bytes.map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
  return out;
}

/** Cursors that look like ours (base64url of "<time> <id>") around hostile contents. */
const forgedCursor = fc
  .tuple(
    fc.constantFrom(
      '2026-01-01T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31',
      'now',
    ),
    fc.oneof(hostileText, fc.uuid()),
  )
  .map(([at, id]) => Buffer.from(`${at} ${id}`, 'utf8').toString('base64url'));

/** One query parameter's raw, already-encoded value(s): `name=value` pairs to join with `&`. */
export const hostileQueryValue = (name: string, valid: string): fc.Arbitrary<string> =>
  fc.oneof(
    hostileValueFor(valid).map((value) => `${name}=${rawPercentEncode(String(JSON.stringify(value) ?? ''))}`),
    hostileText.map((text) => `${name}=${rawPercentEncode(valid + text)}`),
    forgedCursor.map((cursor) => `${name}=${cursor}`),
    fc
      .constantFrom('%', '%zz', '%00', '%C0%80', '%FF', '-1', '0', '1e400', '99999999999999999999', 'NaN')
      .map((raw) => `${name}=${raw}`),
    fc.constant(`${name}=${valid}&${name}=${valid}`),
    fc.constant(`${name}[a]=1`),
  );
