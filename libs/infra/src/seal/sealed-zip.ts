import { ZipFile } from 'yazl';

/**
 * A sealed document as people download it: the document and its detached signature in one
 * zip. Entries are dated at the document's own time (registry or resolution), not at render
 * time, so a re-render for a retry reads the same.
 */
export function sealedZip(entries: readonly (readonly [string, Buffer])[], mtime: Date): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { mtime, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
