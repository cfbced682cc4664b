/**
 * The Merkle tree as a server keeps it: without holding every leaf.
 *
 * A perfect subtree is identified by (level, index): it covers leaves [index·2^level,
 * (index+1)·2^level) and its hash is the MTH of those leaves (level 0 = one leaf hash). A tree of
 * n leaves is determined by its "compact range": the perfect subtrees of n's binary expansion,
 * left to right, largest first. `MerkleAccumulator` keeps only those (≤ 53 hashes), appends a leaf
 * in O(log n) and reports every perfect subtree the append completed, so the server can store the
 * ones it wants (e.g. level ≥ 8) and later build any proof from O(log n) stored hashes:
 *
 *   for each range of inclusionProofRanges(i, n) or consistencyProofRanges(m, n):
 *     refs = perfectSubtrees(range.start, range.end)          // at most one per level
 *     hashes = stored node hashes for refs (or merkleRoot of the entry hashes a small one covers)
 *     proof element = rootFromSubtrees(refs with their hashes)
 */
import { isHash } from "./bytes";
import { EMPTY_TREE_ROOT, leafHash, nodeHash } from "./merkle";

/** A perfect subtree: leaves [index·2^level, (index+1)·2^level). */
export type SubtreeRef = { level: number; index: number };
export type SubtreeRoot = SubtreeRef & { hash: string };

/**
 * The perfect subtrees that make up leaves [start, end), left to right, each as large as its
 * alignment allows. For the ranges proofs use, and for any prefix [0, n), the levels strictly
 * decrease, and `rootFromSubtrees` of their hashes is the range's MTH.
 */
export function perfectSubtrees(start: number, end: number): SubtreeRef[] {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start)
    throw new RangeError(`[${start}, ${end}) is not a range of leaves`);
  const refs: SubtreeRef[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    let level = 0;
    while (size * 2 <= end - at && at % (size * 2) === 0) {
      size *= 2;
      level++;
    }
    refs.push({ level, index: at / size });
    at += size;
  }
  return refs;
}

/**
 * MTH of a range from its perfect subtrees (left to right, strictly decreasing levels, as
 * `perfectSubtrees` gives them for proof ranges): node(s0, node(s1, … node(s[k−2], s[k−1]))).
 */
export function rootFromSubtrees(subtrees: ReadonlyArray<{ level: number; hash: string }>): string {
  if (subtrees.length === 0) return EMPTY_TREE_ROOT;
  for (let i = 1; i < subtrees.length; i++) {
    if (subtrees[i]!.level >= subtrees[i - 1]!.level)
      throw new RangeError("subtrees must be given left to right with strictly decreasing levels");
  }
  let root = subtrees[subtrees.length - 1]!.hash;
  for (let i = subtrees.length - 2; i >= 0; i--) root = nodeHash(subtrees[i]!.hash, root);
  return root.toLowerCase();
}

/** Levels of the compact range of a tree of `size` leaves, left to right (n's set bits, high first). */
function frontierLevels(size: number): number[] {
  const levels: number[] = [];
  for (let level = 0, rest = size; rest > 0; level++, rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) levels.unshift(level);
  }
  return levels;
}

/** Appends leaves and gives the root in O(log n) memory: the stack of perfect subtree roots. */
export class MerkleAccumulator {
  #size = 0;
  /** Hashes of the compact range, left to right (levels as `frontierLevels(#size)`). */
  #stack: string[] = [];

  /** Resumes from a stored compact range (the hashes `subtreeRoots()` gave for that size). */
  static fromSubtreeRoots(size: number, hashes: readonly string[]): MerkleAccumulator {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError("size must be a non-negative integer");
    if (hashes.length !== frontierLevels(size).length)
      throw new RangeError(`a tree of ${size} leaves has ${frontierLevels(size).length} subtree roots`);
    if (!hashes.every((hash) => isHash(hash.toLowerCase())))
      throw new TypeError("subtree roots must be 64 hex digits");
    const accumulator = new MerkleAccumulator();
    accumulator.#size = size;
    accumulator.#stack = hashes.map((hash) => hash.toLowerCase());
    return accumulator;
  }

  get size(): number {
    return this.#size;
  }

  /**
   * Adds the next entry (its hash, hex) as a leaf. Returns the perfect subtrees the append
   * completed, bottom-up: the leaf itself (level 0) and each node it closed.
   */
  append(entryHashHex: string): SubtreeRoot[] {
    let index = this.#size;
    let hash = leafHash(entryHashHex);
    const completed: SubtreeRoot[] = [{ level: 0, index, hash }];
    let level = 0;
    for (let rest = this.#size; rest % 2 === 1; rest = Math.floor(rest / 2)) {
      hash = nodeHash(this.#stack.pop()!, hash);
      level++;
      index = Math.floor(index / 2);
      completed.push({ level, index, hash });
    }
    this.#stack.push(hash);
    this.#size++;
    return completed;
  }

  /** MTH of the leaves so far. */
  root(): string {
    return rootFromSubtrees(this.subtreeRoots());
  }

  /** The compact range: perfect subtrees covering [0, size), left to right. */
  subtreeRoots(): SubtreeRoot[] {
    const refs = perfectSubtrees(0, this.#size);
    return refs.map((ref, i) => ({ ...ref, hash: this.#stack[i]! }));
  }
}
