import type { Readable } from 'node:stream';
import { isSha256Hex } from '@expediente/domain';

/**
 * Content-addressed storage for attachments and generated PDFs. A blob's name is the
 * sha-256 of its bytes, so events can record the hash alone, the same bytes are kept once,
 * and anyone can check that what comes back is what went in.
 */
export interface BlobStore {
  /**
   * Streams `source` into the store, never holding the whole file in memory. Refuses with
   * `BlobTooLarge` as soon as more than `maxBytes` arrive, leaving nothing behind. `verify`
   * reads the complete content before it is kept; if it throws, nothing is kept and `put`
   * rethrows its error.
   */
  put(source: Readable, options: PutOptions): Promise<StoredBlob>;
  /**
   * As `put`, but stops short of keeping: the blob is hashed, measured and verified in a
   * temporary place, so the caller can still refuse it (a domain rule) with nothing stored.
   */
  stage(source: Readable, options: PutOptions): Promise<StagedBlob>;
  /** For bytes already in memory (generated receipts): no budget to enforce. */
  putBytes(bytes: Buffer): Promise<StoredBlob>;
  /** Throws `BlobNotFound` at once rather than from the stream, so callers can answer 404 before streaming. */
  open(hash: string): Readable;
  has(hash: string): Promise<boolean>;
  /** Throws `BlobNotFound`. */
  size(hash: string): Promise<number>;
}

export interface PutOptions {
  readonly maxBytes: number;
  readonly verify?: (content: Readable) => Promise<void>;
}

export interface StoredBlob {
  /** sha-256, lower-case hex. */
  readonly hash: string;
  /** Bytes. */
  readonly size: number;
}

/** A blob received but not yet in the store; exactly one of `keep` or `discard` should follow. */
export interface StagedBlob extends StoredBlob {
  keep(): Promise<KeptBlob>;
  /** Removes the temporary file; harmless after `keep`. */
  discard(): Promise<void>;
}

export interface KeptBlob extends StoredBlob {
  /**
   * Takes the blob out of the store again if this `keep` was the one that put it there, for when
   * what was to name it is refused after all. Blobs are content-addressed, so bytes that were
   * already stored may belong to another case and stay.
   */
  abandon(): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

/** Blobs are named by their sha-256 as stored: lowercase hex only. */
export const isBlobHash = isSha256Hex;

export class BlobTooLarge extends Error {
  override readonly name = 'BlobTooLarge';
  constructor(readonly limit: number) {
    super(`The content exceeds the limit of ${limit} bytes.`);
  }
}

export class BlobNotFound extends Error {
  override readonly name = 'BlobNotFound';
  constructor(readonly hash: string) {
    super(`No blob ${hash}.`);
  }
}

/** A hash that is not lower-case sha-256 hex: refused before it gets near a file path. */
export class InvalidBlobHash extends Error {
  override readonly name = 'InvalidBlobHash';
  constructor(readonly hash: string) {
    super('A blob hash must be 64 lower-case hexadecimal characters.');
  }
}
