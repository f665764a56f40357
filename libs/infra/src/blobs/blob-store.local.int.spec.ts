import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalDiskBlobStore } from './blob-store.local';
import { BlobNotFound, BlobTooLarge, InvalidBlobHash } from './blob-store.port';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Every regular file under `dir`, relative, temp files included: "nothing left" means this is empty. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) =>
    statSync(join(dir, path)).isFile(),
  );
}

/** A source that yields `total` bytes in 64 KiB chunks, so it never exists whole in memory. */
function generated(total: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const next = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += next.length;
      this.push(next);
    },
  });
}

describe('LocalDiskBlobStore', () => {
  let root: string;
  let blobs: LocalDiskBlobStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'expediente-blobs-'));
    blobs = new LocalDiskBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names a blob by the sha-256 of its bytes and stores it under two levels of fan-out', async () => {
    const { hash, size } = await blobs.put(Readable.from([Buffer.from('informe '), Buffer.from('médico')]), {
      maxBytes: 1024,
    });

    expect(hash).toBe(sha256('informe médico'));
    expect(size).toBe(Buffer.byteLength('informe médico'));
    expect(filesUnder(root)).toEqual([join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect(await text(blobs.open(hash))).toBe('informe médico');
    expect(await blobs.has(hash)).toBe(true);
    expect(await blobs.size(hash)).toBe(size);
  });

  it('stores identical content once', async () => {
    const first = await blobs.putBytes(Buffer.from('same bytes'));
    const second = await blobs.put(Readable.from([Buffer.from('same '), Buffer.from('bytes')]), {
      maxBytes: 100,
    });
    const [third, fourth] = await Promise.all([
      blobs.putBytes(Buffer.from('same bytes')),
      blobs.putBytes(Buffer.from('same bytes')),
    ]);

    expect(new Set([first.hash, second.hash, third.hash, fourth.hash]).size).toBe(1);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it('streams a file larger than any buffer it uses', async () => {
    const total = 12 * 1024 * 1024;
    const { size } = await blobs.put(generated(total), { maxBytes: total });
    expect(size).toBe(total);
  });

  it('aborts an upload over the byte budget and leaves nothing behind, not even a temp file', async () => {
    const attempt = blobs.put(generated(3 * 1024 * 1024), { maxBytes: 1024 * 1024 });

    await expect(attempt).rejects.toBeInstanceOf(BlobTooLarge);
    await expect(attempt).rejects.toMatchObject({ limit: 1024 * 1024 });
    expect(filesUnder(root)).toEqual([]);
  });

  it('hands the whole content to verify before keeping it, and keeps nothing when verify refuses', async () => {
    const seen: string[] = [];
    const refused = blobs.put(Readable.from([Buffer.from('%PDF-'), Buffer.from('not really')]), {
      maxBytes: 1024,
      verify: async (content) => {
        seen.push(await text(content));
        throw new Error('not a PDF');
      },
    });

    await expect(refused).rejects.toThrow('not a PDF');
    expect(seen).toEqual(['%PDF-not really']);
    expect(filesUnder(root)).toEqual([]);
    expect(await blobs.has(sha256('%PDF-not really'))).toBe(false);
  });

  it('stages content without keeping it: discarded leaves nothing, kept is stored', async () => {
    const dropped = await blobs.stage(Readable.from([Buffer.from('refused')]), { maxBytes: 100 });
    expect(dropped.hash).toBe(sha256('refused'));
    await dropped.discard();
    expect(filesUnder(root)).toEqual([]);

    const staged = await blobs.stage(Readable.from([Buffer.from('accepted')]), { maxBytes: 100 });
    expect(await blobs.has(staged.hash)).toBe(false);
    await staged.keep();
    expect(filesUnder(root)).toEqual([join(staged.hash.slice(0, 2), staged.hash.slice(2, 4), staged.hash)]);
  });

  it('abandons only a blob its own keep created: bytes already stored stay', async () => {
    const shared = await blobs.putBytes(Buffer.from('another case'));
    const again = await (
      await blobs.stage(Readable.from([Buffer.from('another case')]), { maxBytes: 100 })
    ).keep();
    await again.abandon();
    expect(await blobs.has(shared.hash)).toBe(true);

    const fresh = await (
      await blobs.stage(Readable.from([Buffer.from('only mine')]), { maxBytes: 100 })
    ).keep();
    await fresh.abandon();
    expect(await blobs.has(fresh.hash)).toBe(false);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it('accepts content of exactly the budget', async () => {
    await expect(blobs.put(generated(1000), { maxBytes: 1000 })).resolves.toMatchObject({ size: 1000 });
  });

  it('refuses hashes that could leave the store, before touching the disk', async () => {
    const hostile = [
      '../../../etc/passwd',
      `../${'a'.repeat(61)}`,
      'A'.repeat(64),
      `${'a'.repeat(63)}\0`,
      '',
    ];
    for (const hash of hostile) {
      expect(() => blobs.open(hash)).toThrow(InvalidBlobHash);
      await expect(blobs.has(hash)).rejects.toBeInstanceOf(InvalidBlobHash);
      await expect(blobs.size(hash)).rejects.toBeInstanceOf(InvalidBlobHash);
    }
  });

  it('reports a well-formed hash it does not hold as BlobNotFound', async () => {
    const missing = sha256('never stored');
    expect(() => blobs.open(missing)).toThrow(BlobNotFound);
    await expect(blobs.size(missing)).rejects.toBeInstanceOf(BlobNotFound);
    expect(await blobs.has(missing)).toBe(false);
  });

  it('removes the temp file when the source fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client went away'));
      },
    });

    await expect(blobs.put(failing, { maxBytes: 1e6 })).rejects.toThrow('client went away');
    expect(filesUnder(root)).toEqual([]);
  });
});
