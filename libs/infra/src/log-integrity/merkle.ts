import { createHash, hash } from 'node:crypto';

/**
 * RFC 6962 (§2.1) Merkle tree hashes: a leaf is SHA-256(0x00 ‖ data), an inner node
 * SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the largest power of two
 * below n. The prefixes keep a leaf from passing for a node (second-preimage attacks).
 */
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** The root of the tree with no leaves: SHA-256 of the empty string. */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

// One-shot hashes of one buffer: a streaming Hash object per leaf costs more than the hashing.
export function leafHash(data: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF, data]), 'buffer');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE, left, right]), 'buffer');
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
export function eventLeaf(position: number, eventHash: string): Buffer {
  return eventLeafWith(Buffer.alloc(8 + 32), 0, position, eventHash);
}

/** leafHash(eventLeaf(…)) in one buffer: the 0x00 prefix, then the leaf. */
export function eventLeafHash(position: number, eventHash: string): Buffer {
  const prefixed = eventLeafWith(Buffer.allocUnsafe(1 + 8 + 32), 1, position, eventHash);
  prefixed[0] = 0;
  return hash('sha256', prefixed, 'buffer');
}

function eventLeafWith(buffer: Buffer, at: number, position: number, eventHash: string): Buffer {
  // Positions are below 2^53: the high and low 32 bits, big-endian.
  buffer.writeUInt32BE(Math.floor(position / 2 ** 32), at);
  buffer.writeUInt32BE(position >>> 0, at + 4);
  buffer.write(eventHash, at + 8, 'hex');
  return buffer;
}
