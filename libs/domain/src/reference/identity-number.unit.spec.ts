import { isValidIdentityNumber, normaliseIdentityNumber, parseIdentityNumber } from './identity-number';

describe('identity numbers (DNI / NIE)', () => {
  it.each(['12345678Z', '00000000T', '99999999R', '45678912S'])('accepts the DNI %s', (dni) => {
    expect(parseIdentityNumber(dni)).toEqual({ kind: 'DNI', value: dni });
  });

  it.each(['X1234567L', 'Y1234567X', 'Z1234567R'])('accepts the NIE %s, reading X/Y/Z as 0/1/2', (nie) => {
    expect(parseIdentityNumber(nie)).toEqual({ kind: 'NIE', value: nie });
  });

  it('normalises case, spaces and hyphens', () => {
    expect(normaliseIdentityNumber(' 12345678-z ')).toBe('12345678Z');
    expect(parseIdentityNumber('x-1234567 l').value).toBe('X1234567L');
  });

  it.each([
    ['12345678A', 'wrong check letter'],
    ['X1234567X', 'wrong NIE check letter'],
    ['1234567Z', 'seven digits'],
    ['123456789Z', 'nine digits'],
    ['W1234567L', 'unknown NIE prefix'],
    ['12345678', 'no letter'],
    ['', 'empty'],
  ])('refuses %s (%s)', (value) => {
    expect(isValidIdentityNumber(value)).toBe(false);
    expect(() => parseIdentityNumber(value, 'subject')).toThrow(
      expect.objectContaining({ code: 'INVALID_IDENTITY_NUMBER', facts: { field: 'subject', value } }),
    );
  });
});
