import type { AttachmentContentType } from '@expediente/domain';

/**
 * What a file is, judged by its first bytes. The name and the declared Content-Type are the
 * sender's claims (an .exe renamed to .pdf keeps its `MZ` header); the magic number is not.
 */
const SIGNATURES: readonly { readonly type: AttachmentContentType; readonly magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/tiff', magic: [0x49, 0x49, 0x2a, 0x00] }, // little-endian "II*\0"
  { type: 'image/tiff', magic: [0x4d, 0x4d, 0x00, 0x2a] }, // big-endian "MM\0*"
];

/** How many leading bytes `detectContentType` needs to decide. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((signature) => signature.magic.length));

/** An accepted type, or undefined for anything else (executables, archives, HTML, empty files). */
export function detectContentType(head: Uint8Array): AttachmentContentType | undefined {
  const match = SIGNATURES.find(({ magic }) => magic.every((byte, index) => head[index] === byte));
  return match?.type;
}
