import { createHash } from 'node:crypto';
import { canonicalJson } from '../event-store/event-hash';
import { headLeaf } from './checkpoint';
import fc from 'fast-check';
import {
  EMPTY_ROOT,
  eventLeaf,
  eventLeafHash,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  nodeHash,
} from './merkle';

const sha256 = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  parts.forEach((part) => hash.update(part));
  return hash.digest();
};

describe('RFC 6962 Merkle tree hashes', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    const a = Buffer.from('a');
    const b = Buffer.from('b');
    expect(leafHash(a)).toEqual(sha256(Buffer.from([0]), a));
    expect(nodeHash(a, b)).toEqual(sha256(Buffer.from([1]), a, b));
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
    expect(EMPTY_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('splits three leaves as ((0,1),2), at the largest power of two below the count', () => {
    const [x, y, z] = ['x', 'y', 'z'].map((s) => Buffer.from(s));
    expect(merkleRoot([x!, y!, z!])).toBe(
      nodeHash(nodeHash(leafHash(x!), leafHash(y!)), leafHash(z!)).toString('hex'),
    );
  });

  it('builds the same root leaf by leaf as the recursive definition, for any number of leaves', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 70 }), (items) => {
        const leaves = items.map((item) => Buffer.from(item));
        const accumulator = new MerkleAccumulator();
        leaves.forEach((leaf) => accumulator.add(leaf));
        expect(accumulator.root()).toBe(merkleRoot(leaves));
        expect(accumulator.count).toBe(leaves.length);
      }),
    );
  });

  it('binds a leaf to its position, so moving an event changes the root', () => {
    const hash = 'ab'.repeat(32);
    expect(eventLeaf(1025, hash)).not.toEqual(eventLeaf(2049, hash));
    expect(eventLeaf(1025, hash).subarray(8).toString('hex')).toBe(hash);
    expect(
      eventLeaf(2 ** 40 + 5, hash)
        .subarray(0, 8)
        .toString('hex'),
    ).toBe('0000010000000005');
    expect(eventLeafHash(7, hash)).toEqual(leafHash(eventLeaf(7, hash)));
  });
});

describe('a checkpoint’s stream head leaf', () => {
  it('is the canonical JSON of the head', () => {
    const head = {
      stream: 'notification-ñ"1',
      caseId: null,
      fromVersion: 2,
      version: 3,
      hash: 'ab'.repeat(32),
      positions: [1025, 2049],
    };
    expect(headLeaf(head).toString('utf8')).toBe(canonicalJson(head));
  });
});
