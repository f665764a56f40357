import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import yauzl from 'yauzl';

/**
 * The export's zip has one layout, so that every byte of it is accounted for: entries stored
 * uncompressed (a changed byte stays where it was, in the entry it belongs to), DOS times only
 * (no extra fields), mode 0644, sizes and CRC-32 in the local headers (no data descriptors), no
 * comments. The verifier writes the entries it read again and compares the two files byte for byte.
 */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

const MODE = 0o100644;

export function writeAuditZip(entries: readonly ZipEntry[], mtime: Date): Readable {
  const zip = new ZipFile();
  for (const { name, data } of entries) {
    zip.addBuffer(data, name, { mtime, mode: MODE, compress: false, forceDosTimestamp: true });
  }
  zip.end();
  // yazl types its stream as the bare NodeJS.ReadableStream; it is a PassThrough.
  const output = zip.outputStream;
  if (!(output instanceof Readable)) throw new Error('yazl gave no readable stream');
  return output;
}

export async function bufferOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Not a zip at all: nothing in it can be checked. */
export class UnreadableZip extends Error {
  override readonly name = 'UnreadableZip';
}

export interface ReadEntry extends ZipEntry {
  readonly mtime: Date;
  /** Set when the entry's bytes could not be read (the data below is then empty). */
  readonly problem?: string;
}

/** The entries as the central directory lists them, with their bytes. */
export async function readAuditZip(file: Buffer): Promise<ReadEntry[]> {
  const zip = await yauzl
    .fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true })
    .catch((error: unknown) => {
      throw new UnreadableZip(error instanceof Error ? error.message : String(error));
    });
  const entries: ReadEntry[] = [];
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      const mtime = yauzl.dosDateTimeToDate(entry.lastModFileDate, entry.lastModFileTime);
      try {
        const data = await bufferOf(await zip.openReadStreamPromise(entry));
        entries.push({ name: entry.fileName, data, mtime });
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        entries.push({ name: entry.fileName, data: Buffer.alloc(0), mtime, problem });
      }
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** The next central-directory entry, or undefined after the last. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (done(), resolve(entry));
    const onEnd = () => (done(), resolve(undefined));
    const onError = (error: Error) => (done(), reject(new UnreadableZip(error.message)));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/**
 * Where `file` departs from the one layout its own entries would be written in, region by
 * region ("local header of events.jsonl", "central directory record of index.json", …).
 */
export async function layoutDifferences(file: Buffer, entries: readonly ReadEntry[]): Promise<string[]> {
  const mtime = entries[0]?.mtime ?? new Date(0);
  const canonical = await bufferOf(writeAuditZip(entries, mtime));
  const regions = regionsOf(entries);
  const found = new Map<string, number>();
  const length = Math.max(file.length, canonical.length);
  for (let offset = 0; offset < length; offset++) {
    if (file[offset] === canonical[offset]) continue;
    const region = regions.find((r) => offset < r.end)?.name ?? 'bytes after the end of the zip';
    if (!found.has(region)) found.set(region, offset);
  }
  const differences = [...found].map(([region, offset]) => `${region} differs at byte ${offset}`);
  if (file.length !== canonical.length) {
    differences.push(`the file has ${file.length} bytes; its entries make a zip of ${canonical.length}`);
  }
  return differences;
}

const LOCAL_HEADER = 30;
const CENTRAL_RECORD = 46;
const END_RECORD = 22;

function regionsOf(entries: readonly ZipEntry[]): { name: string; end: number }[] {
  const regions: { name: string; end: number }[] = [];
  let end = 0;
  const add = (name: string, size: number) => regions.push({ name, end: (end += size) });
  for (const { name, data } of entries) {
    add(`local header of ${name}`, LOCAL_HEADER + Buffer.byteLength(name));
    add(`content of ${name}`, data.length);
  }
  for (const { name } of entries)
    add(`central directory record of ${name}`, CENTRAL_RECORD + Buffer.byteLength(name));
  add('end of central directory record', END_RECORD);
  return regions;
}
