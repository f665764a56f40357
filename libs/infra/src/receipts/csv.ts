import { randomBytes } from 'node:crypto';

/**
 * The verification code (Código Seguro de Verificación) printed on a proof of receipt, with
 * which anyone can fetch the original at the public URL. People read it off paper and type
 * it, so the alphabet leaves out 0/O and 1/I; 32 symbols make every random byte map to one
 * symbol without bias, and 16 of them (80 bits) cannot be guessed.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 16;
const CSV = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

/** A new code, 16 symbols, ungrouped: the form stored in events and used in URLs. */
export function generateCsv(): string {
  return [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 0x1f]).join('');
}

export const isCsv = (value: string): boolean => CSV.test(value);

/** What a person typed (lower case, spaces or dashes between groups) as a stored code, or undefined. */
export function normalizeCsv(typed: string): string | undefined {
  const candidate = typed.replace(/[\s-]/g, '').toUpperCase();
  return isCsv(candidate) ? candidate : undefined;
}

/** For reading aloud and typing: four groups of four, `ABCD-EFGH-JKLM-NPQR`. */
export const formatCsv = (csv: string): string => csv.match(/.{1,4}/g)?.join('-') ?? csv;
