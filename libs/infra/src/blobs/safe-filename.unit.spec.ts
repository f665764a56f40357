import { unsafeFilenameReason } from './safe-filename';

describe('unsafeFilenameReason', () => {
  it('accepts a plain name with spaces and accents', () => {
    expect(unsafeFilenameReason('Informe médico — cardiología (2).pdf')).toBeUndefined();
    expect(unsafeFilenameReason('تقرير طبي.pdf')).toBeUndefined();
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
    ['informe\ud800.pdf', 'unpaired surrogate'],
    ['informe\u202Efdp.exe', 'bidirectional control character (U+202E)'],
    ['informe\u2066.pdf', 'bidirectional control character (U+2066)'],
    ['\u200Finforme.pdf', 'bidirectional control character (U+200F)'],
    ['informe\u061C.pdf', 'bidirectional control character (U+061C)'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(unsafeFilenameReason(name)).toContain(reason);
  });

  it('counts characters, not bytes, against the 255 limit', () => {
    expect(unsafeFilenameReason(`${'ñ'.repeat(251)}.pdf`)).toBeUndefined();
  });
});
