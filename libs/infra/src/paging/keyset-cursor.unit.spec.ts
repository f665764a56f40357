import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

const forge = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const ID = '0b7a3d5e-8f0c-4c7e-9a51-2f1d6b3e4a90';

describe('keyset cursors', () => {
  it('decodes what it encodes', () => {
    const position = { at: new Date('2026-03-01T10:20:30.456Z'), id: ID };
    expect(decodeKeysetCursor(encodeKeysetCursor(position))).toEqual(position);
  });

  it.each([
    ['a NUL in the id', forge(`2026-01-01T00:00:00.000Z a\u0000b`)],
    ['an id that is not a UUID', forge('2026-01-01T00:00:00.000Z case-1')],
    ['a year PostgreSQL cannot hold', forge(`+275760-09-13T00:00:00.000Z ${ID}`)],
    ['year zero', forge(`0000-01-01T00:00:00.000Z ${ID}`)],
    ['a day that rolls over', forge(`2026-02-30T00:00:00.000Z ${ID}`)],
    ['a date without a time', forge(`2026-01-01 ${ID}`)],
    ['a third part', forge(`2026-01-01T00:00:00.000Z ${ID} x`)],
    ['characters outside base64url', `${forge(`2026-01-01T00:00:00.000Z ${ID}`)}%00`],
    ['nothing', ''],
  ])('refuses %s', (_, value) => {
    expect(decodeKeysetCursor(value)).toBeUndefined();
  });
});
