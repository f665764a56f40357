import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, openSync } from 'node:fs';
import { link, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobNotFound,
  BlobStore,
  BlobTooLarge,
  InvalidBlobHash,
  isBlobHash,
  KeptBlob,
  PutOptions,
  StagedBlob,
  StoredBlob,
} from './blob-store.port';

/** Attachments hold health data: readable by the service's user and group only, and never rewritten. */
const BLOB_MODE = 0o440;

/**
 * Blobs on local disk under `<root>/<h0h1>/<h2h3>/<hash>`; two levels of fan-out keep
 * directories small at millions of files. Temporary files live in `<root>/.tmp` so the
 * final link stays on one file system and is atomic: a reader sees a whole blob or none.
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

  async put(source: Readable, options: PutOptions): Promise<StoredBlob> {
    const { hash, size } = await (await this.stage(source, options)).keep();
    return { hash, size };
  }

  async stage(source: Readable, { maxBytes, verify }: PutOptions): Promise<StagedBlob> {
    const tmp = join(this.tmpDir, `${randomUUID()}.part`);
    const meter = new HashingMeter(maxBytes);
    const discard = () => rm(tmp, { force: true });
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
    } catch (error) {
      await discard();
      throw error;
    }
    const hash = meter.digest();
    const { size } = meter;
    const path = this.pathOf(hash);
    const keep = async (): Promise<KeptBlob> => {
      try {
        const created = await placeOnce(tmp, path);
        return { hash, size, abandon: created ? () => rm(path, { force: true }) : async () => undefined };
      } finally {
        await discard();
      }
    };
    return { hash, size, keep, discard };
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

/**
 * Gives the temp file its blob name unless that name exists; true if this call created it.
 * `link` refuses an existing name atomically, so of two concurrent keeps of the same bytes
 * exactly one is the creator, and a reader sees a whole blob or none.
 */
async function placeOnce(tmp: string, path: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false;
    throw error;
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

const hasCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;

const isMissing = (error: unknown): boolean => hasCode(error, 'ENOENT');
