import { formatCsv, generateCsv, isCsv, normalizeCsv } from './csv';

describe('verification code (CSV)', () => {
  it('is 16 symbols with none that can be misread: no 0, O, 1 or I', () => {
    for (let i = 0; i < 500; i++) {
      const csv = generateCsv();
      expect(csv).toMatch(/^[2-9A-HJ-NP-Z]{16}$/);
      expect(isCsv(csv)).toBe(true);
    }
  });

  it('is random: ten thousand codes never repeat and use the whole alphabet', () => {
    const codes = Array.from({ length: 10_000 }, generateCsv);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it('refuses codes with ambiguous symbols, the wrong length or lower case', () => {
    expect(isCsv('ABCDEFGH0JKLMNPQ')).toBe(false);
    expect(isCsv('ABCDEFGHIJKLMNPQ')).toBe(false);
    expect(isCsv('ABCDEFGH2JKLMNP')).toBe(false);
    expect(isCsv('abcdefgh2jklmnpq')).toBe(false);
  });

  it('reads back a code typed in groups, with spaces or in lower case', () => {
    expect(normalizeCsv('abcd-efgh jklm-npqr')).toBe('ABCDEFGHJKLMNPQR');
    expect(normalizeCsv('ABCD-EFGH-JKLM-NPQ0')).toBeUndefined();
  });

  it('prints a code in four groups of four', () => {
    expect(formatCsv('ABCDEFGHJKLMNPQR')).toBe('ABCD-EFGH-JKLM-NPQR');
  });
});
