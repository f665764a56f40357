import { asciiFilename, contentDisposition } from './content-disposition';

/** What a browser may do with the header: split it on CR/LF, end the quotes, follow a path. */
const isSafeHeader = (value: string) => !/[\r\n\0]/.test(value) && /^[\x20-\x7e]+$/.test(value);

describe('the Content-Disposition of a citizen’s document', () => {
  it('shows a plain name as it is, inline', () =>
    expect(contentDisposition('inline', 'informe.pdf')).toBe(
      `inline; filename="informe.pdf"; filename*=UTF-8''informe.pdf`,
    ));

  it('keeps the exact name in filename*, UTF-8 percent-encoded, and a readable ASCII fallback', () =>
    expect(contentDisposition('inline', 'Informe cardiología 日本.pdf')).toBe(
      `inline; filename="Informe cardiologia _.pdf"; filename*=UTF-8''Informe%20cardiolog%C3%ADa%20%E6%97%A5%E6%9C%AC.pdf`,
    ));

  it.each([
    'a"; filename="evil.html',
    'line\r\nSet-Cookie: x=1.pdf',
    'nul\0byte.pdf',
    "quote'star*(paren).pdf",
    '../../etc/passwd',
    'back\\slash;semi.pdf',
    'bidi\u202Efdp.exe',
  ])('never lets %j end the quotes, split the header or name a path', (name) => {
    const header = contentDisposition('attachment', name);
    expect(isSafeHeader(header)).toBe(true);
    const fallback = /filename="([^"]*)"/.exec(header)?.[1] ?? '';
    expect(fallback).not.toMatch(/["\\/;]|\.\./);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
  });

  it('decodes filename* back to the name, without its control characters', () => {
    const header = contentDisposition('inline', 'informe "urgente".pdf');
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('informe "urgente".pdf');
  });

  it('falls back to a generic name when nothing readable is left', () => {
    expect(asciiFilename('日本語')).toBe('documento');
    expect(asciiFilename('...')).toBe('documento');
  });

  it('keeps a long name’s ending, so its extension survives', () =>
    expect(asciiFilename(`${'a'.repeat(300)}.pdf`)).toMatch(/^a{146}\.pdf$/));
});
