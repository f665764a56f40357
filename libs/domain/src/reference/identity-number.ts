/**
 * Spanish identity numbers: DNI (8 digits + check letter) and NIE (X/Y/Z + 7 digits + check
 * letter, the prefix standing for 0/1/2 in the checksum). The letter is the number mod 23.
 */
import { ValidationError } from '../shared/domain-error';

const CHECK_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const DNI = /^(\d{8})([A-Z])$/;
const NIE = /^([XYZ])(\d{7})([A-Z])$/;
const NIE_PREFIX: Readonly<Record<string, string>> = { X: '0', Y: '1', Z: '2' };

export interface IdentityNumber {
  readonly kind: 'DNI' | 'NIE';
  /** Normalised: upper case, no spaces or hyphens. */
  readonly value: string;
}

/** People type them as "12345678-z" or "x 1234567 l"; we store one form. */
export const normaliseIdentityNumber = (raw: string): string => raw.toUpperCase().replace(/[\s-]/g, '');

const checkLetterFor = (digits: string): string | undefined => CHECK_LETTERS[Number(digits) % 23];

const classify = (value: string): IdentityNumber | undefined => {
  const dni = DNI.exec(value);
  if (dni) return checkLetterFor(dni[1] ?? '') === dni[2] ? { kind: 'DNI', value } : undefined;
  const nie = NIE.exec(value);
  if (nie) {
    const digits = `${NIE_PREFIX[nie[1] ?? ''] ?? ''}${nie[2] ?? ''}`;
    return checkLetterFor(digits) === nie[3] ? { kind: 'NIE', value } : undefined;
  }
  return undefined;
};

export const isValidIdentityNumber = (raw: string): boolean =>
  classify(normaliseIdentityNumber(raw)) !== undefined;

/** Normalises and validates; throws INVALID_IDENTITY_NUMBER naming the field. */
export const parseIdentityNumber = (raw: string, field = 'identityNumber'): IdentityNumber => {
  const identity = classify(normaliseIdentityNumber(raw));
  if (!identity) {
    throw new ValidationError('INVALID_IDENTITY_NUMBER', `${field} is not a valid DNI or NIE.`, {
      field,
      value: raw,
    });
  }
  return identity;
};
