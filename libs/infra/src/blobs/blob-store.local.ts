import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, openSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobNotFound,
  BlobStore,
  BlobTooLarge,
  InvalidBlobHash,
  isBlobHash,
  PutOptions,
  StoredBlob,
} from './blob-store.port';

/** Attachments hold health data: readable by the service's user and group only, and never rewritten. */
const BLOB_MODE = 0o440;

/**
 * Blobs on local disk under `<root>/<h0h1>/<h2h3>/<hash>`; two levels of fan-out keep
 * directories small at millions of files. Temporary files live in `<root>/.tmp` so the
 * final rename stays on one file system and is atomic: a reader sees a whole blob or none.
 */
export class LocalDiskBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, '.tmp');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  /** The default place: `${DATA_DIR}/blobs`. */
  static inDataDir(dataDir: string): LocalDiskBlobStore {
    return new LocalDiskBlobStore(resolve(dataDir, 'blobs'));
  }

  async put(source: Readable, { maxBytes, verify }: PutOptions): Promise<StoredBlob> {
    const tmp = join(this.tmpDir, `${randomUUID()}.part`);
    const meter = new HashingMeter(maxBytes);
    try {
      // `flush` fsyncs before close: the event that names this hash may be committed right after.
      await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx', mode: BLOB_MODE, flush: true }));
      if (verify) {
        const content = createReadStream(tmp);
        try {
          await verify(content);
        } finally {
          content.destroy();
        }
      }
      const hash = meter.digest();
      const path = this.pathOf(hash);
      if (await exists(path)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(join(path, '..'), { recursive: true });
        // Two concurrent puts of the same bytes both rename; identical content makes either win harmless.
        await rename(tmp, path);
      }
      return { hash, size: meter.size };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  putBytes(bytes: Buffer): Promise<StoredBlob> {
    return this.put(Readable.from([bytes]), { maxBytes: bytes.length });
  }

  open(hash: string): Readable {
    const path = this.pathOf(hash);
    let fd: number;
    try {
      // Opening now, not lazily in the stream, turns a missing blob into a synchronous BlobNotFound.
      fd = openSync(path, 'r');
    } catch (error) {
      throw isMissing(error) ? new BlobNotFound(hash) : error;
    }
    return createReadStream(path, { fd });
  }

  async has(hash: string): Promise<boolean> {
    return exists(this.pathOf(hash));
  }

  async size(hash: string): Promise<number> {
    try {
      return (await stat(this.pathOf(hash))).size;
    } catch (error) {
      throw isMissing(error) ? new BlobNotFound(hash) : error;
    }
  }

  /** The only way from a hash to a path: anything but 64 hex characters (`../`, `/`, NUL) stops here. */
  private pathOf(hash: string): string {
    if (!isBlobHash(hash)) throw new InvalidBlobHash(hash);
    return join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }
}

/** Hashes and counts on the way through, and stops the pipeline the moment the budget is exceeded. */
class HashingMeter extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new BlobTooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT';
