import type { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import type { AttachmentContentType } from '@expediente/domain';

/**
 * Whether a file whose first bytes say what it is holds up as that: the magic number alone
 * lets any bytes after "%PDF-" through, and staff would open them. A PDF must parse, with a
 * catalog and at least one page; an image must have its header structure. Returns why not,
 * or undefined. Reads the whole file, which the upload budget (10 MB) bounds.
 */
export async function structureProblem(
  type: AttachmentContentType,
  content: Readable,
): Promise<string | undefined> {
  const bytes = await readAll(content);
  switch (type) {
    case 'application/pdf':
      return pdfProblem(bytes);
    case 'image/png':
      // The IHDR chunk (13 bytes of dimensions and depth) must come first, right after the signature.
      return bytes.subarray(12, 16).toString('latin1') === 'IHDR' && bytes.readUInt32BE(8) === 13
        ? undefined
        : 'it has no PNG image header';
    case 'image/jpeg':
      // After the start-of-image marker comes another marker segment (APPn, DQT, SOF…).
      return bytes.length > 4 && bytes[3]! >= 0xc0 && bytes[3]! !== 0xff
        ? undefined
        : 'it has no JPEG segments';
    case 'image/tiff': {
      const ifd = bytes.length >= 8 ? (bytes[0] === 0x49 ? bytes.readUInt32LE(4) : bytes.readUInt32BE(4)) : 0;
      return ifd >= 8 && ifd + 2 <= bytes.length
        ? undefined
        : 'its first image directory is outside the file';
    }
    default: {
      const unknown: never = type;
      return `unknown type ${String(unknown)}`;
    }
  }
}

async function pdfProblem(bytes: Buffer): Promise<string | undefined> {
  try {
    // Encrypted PDFs are legitimate (a bank statement); reading them needs no password to count pages.
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return pdf.getPageCount() > 0 ? undefined : 'it has no pages';
  } catch {
    return 'it does not parse as a PDF';
  }
}

async function readAll(content: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
