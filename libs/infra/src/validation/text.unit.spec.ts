import { z } from 'zod';
import { calendarDate, isUnsafeTextIssue, line, prose } from './text';

describe('request text', () => {
  it.each([
    ['a NUL', 'Ana\u0000', 'contains a control character (U+0000)'],
    ['an escape sequence', '\u001b[2J', 'contains a control character (U+001B)'],
    ['a C1 control', 'a\u0085b', 'contains a control character (U+0085)'],
    ['a lone high surrogate', 'a\ud800', 'contains an unpaired surrogate (U+D800), which is not text'],
    ['a lone low surrogate', '\udfffa', 'contains an unpaired surrogate (U+DFFF), which is not text'],
    ['a line break in one line', 'Ana\nPérez', 'contains a control character (U+000A)'],
  ])('refuses %s in a line, saying which character', (_, value, message) => {
    const parsed = z.object({ name: line(200) }).safeParse({ name: value });
    expect(parsed.success).toBe(false);
    const [issue] = parsed.error!.issues;
    expect({ path: issue!.path, message: issue!.message, unsafe: isUnsafeTextIssue(issue!) }).toEqual({
      path: ['name'],
      message,
      unsafe: true,
    });
  });

  it('keeps line breaks and tabs in prose, but not a lone CR or a NUL', () => {
    expect(prose(100).parse('Uno\r\ndos\n\ttres')).toBe('Uno\r\ndos\n\ttres');
    expect(prose(100).safeParse('Uno\rdos').success).toBe(false);
    expect(prose(100).safeParse('Uno\u0000').success).toBe(false);
  });

  it('keeps characters outside the BMP (paired surrogates) and normalises to NFC', () => {
    expect(line(50).parse(' 𝒜na 😀 ')).toBe('𝒜na 😀');
    const nfd = 'Jose\u0301 Mun\u0303oz';
    expect(nfd).toHaveLength(12);
    expect(line(50).parse(nfd)).toBe('Jos\u00e9 Mu\u00f1oz');
  });

  it('accepts only calendar dates that exist', () => {
    expect(calendarDate.parse('2024-02-29')).toBe('2024-02-29');
    for (const date of ['2026-02-30', '2026-13-01', '0000-01-01', '2026-1-01', '2026-01-01T00:00'])
      expect(calendarDate.safeParse(date).success).toBe(false);
  });
});
