/**
 * The file name a citizen's browser sent is shown back to staff, written into receipts and
 * used when the document is downloaded again, so it must be a plain name: no directories,
 * no parent references, nothing that draws on a terminal or cuts a header.
 */
export const MAX_FILENAME_LENGTH = 255;

// Controls, C0 and C1: a NUL truncates names in C libraries, CR/LF split headers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why the name is unsafe, or undefined when it is a plain file name. */
export function unsafeFilenameReason(name: string): string | undefined {
  if (name.trim() === '') return 'the file name is empty';
  if ([...name].length > MAX_FILENAME_LENGTH)
    return `the file name is longer than ${MAX_FILENAME_LENGTH} characters`;
  if (name.includes('/') || name.includes('\\')) return 'the file name contains a path separator';
  if (name.includes('..')) return 'the file name contains ".."';
  if (CONTROL.test(name)) return 'the file name contains control characters';
  return undefined;
}
