import { createHash } from 'node:crypto';

/**
 * RFC 6962 (§2.1) Merkle tree hashes: a leaf is SHA-256(0x00 ‖ data), an inner node
 * SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the largest power of two
 * below n. The prefixes keep a leaf from passing for a node (second-preimage attacks).
 */
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** The root of the tree with no leaves: SHA-256 of the empty string. */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

export function leafHash(data: Buffer): Buffer {
  return createHash('sha256').update(LEAF).update(data).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

/**
 * Builds the root leaf by leaf, holding one subtree per bit of the count (log2 n hashes):
 * complete subtrees merge as a binary counter carries; at the end the remaining ones fold
 * right to left, which is exactly RFC 6962's split at the largest power of two.
 */
export class MerkleAccumulator {
  private readonly stack: { readonly size: number; readonly hash: Buffer }[] = [];
  private leaves = 0;

  get count(): number {
    return this.leaves;
  }

  addLeafHash(hash: Buffer): void {
    this.leaves += 1;
    let top = { size: 1, hash };
    for (let last = this.stack.at(-1); last && last.size === top.size; last = this.stack.at(-1)) {
      this.stack.pop();
      top = { size: last.size * 2, hash: nodeHash(last.hash, top.hash) };
    }
    this.stack.push(top);
  }

  add(data: Buffer): void {
    this.addLeafHash(leafHash(data));
  }

  root(): string {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) hash = nodeHash(this.stack[i]!.hash, hash);
    return hash.toString('hex');
  }
}

/** The root over a list, by the recursive definition; the accumulator must agree with it. */
export function merkleRoot(leaves: readonly Buffer[]): string {
  const tree = (from: number, to: number): Buffer => {
    if (to - from === 1) return leafHash(leaves[from]!);
    let split = 1;
    while (split * 2 < to - from) split *= 2;
    return nodeHash(tree(from, from + split), tree(from + split, to));
  };
  return leaves.length === 0 ? EMPTY_ROOT : tree(0, leaves.length).toString('hex');
}

/** What an event contributes to a checkpoint's tree: its global position and its stored hash. */
export function eventLeaf(position: number, hash: string): Buffer {
  const leaf = Buffer.alloc(8 + 32);
  leaf.writeBigUInt64BE(BigInt(position));
  leaf.write(hash, 8, 'hex');
  return leaf;
}
