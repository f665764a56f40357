import { unsafeTextReason } from '../validation/text';

/**
 * The file name a citizen's browser sent is shown back to staff, written into receipts and
 * used when the document is downloaded again, so it must be a plain name: no directories,
 * no parent references, nothing that draws on a terminal or cuts a header, and nothing that
 * reorders what is shown ("informe\u202Efdp.exe" displays as "informeexe.pdf").
 */
export const MAX_FILENAME_LENGTH = 255;

/** Unicode's bidirectional formatting characters: embeddings, overrides, isolates and marks. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

const hex = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why the name is unsafe, or undefined when it is a plain file name. */
export function unsafeFilenameReason(name: string): string | undefined {
  if (name.trim() === '') return 'the file name is empty';
  if ([...name].length > MAX_FILENAME_LENGTH)
    return `the file name is longer than ${MAX_FILENAME_LENGTH} characters`;
  if (name.includes('/') || name.includes('\\')) return 'the file name contains a path separator';
  if (name.includes('..')) return 'the file name contains ".."';
  // A NUL truncates names in C libraries, CR/LF split headers.
  const text = unsafeTextReason(name);
  if (text) return `the file name ${text.replace('control character', 'control characters')}`;
  const bidi = BIDI_CONTROL.exec(name);
  if (bidi)
    return `the file name contains a bidirectional control character (${hex(bidi[0])}), which disguises what it shows`;
  return undefined;
}
