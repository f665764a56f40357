import { unsafeFilenameReason } from './safe-filename';

describe('unsafeFilenameReason', () => {
  it('accepts a plain name with spaces and accents', () => {
    expect(unsafeFilenameReason('Informe médico — cardiología (2).pdf')).toBeUndefined();
  });

  it.each([
    ['../../etc/passwd', 'path separator'],
    ['C:\\Windows\\evil.pdf', 'path separator'],
    ['..', '".."'],
    ['informe..pdf', '".."'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['informe\u0000.pdf', 'control'],
    ['informe\r\nSet-Cookie: x.pdf', 'control'],
    ['informe\u0085.pdf', 'control'],
    [`${'a'.repeat(252)}.pdf`, 'longer than 255'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(unsafeFilenameReason(name)).toContain(reason);
  });

  it('counts characters, not bytes, against the 255 limit', () => {
    expect(unsafeFilenameReason(`${'ñ'.repeat(251)}.pdf`)).toBeUndefined();
  });
});
