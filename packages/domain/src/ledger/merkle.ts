/**
 * The ledger's Merkle tree: RFC 6962 §2.1 (Certificate Transparency) with SM3 in place of SHA-256.
 *
 * Leaves are the entries in ledger order; leaf i's data is the 32 bytes of entry i's hash (the
 * hash chain's `hash`, decoded from hex). All hashing is on bytes:
 *
 *   leaf hash   = SM3(0x00 ‖ 32-byte entry hash)
 *   node hash   = SM3(0x01 ‖ 32-byte left ‖ 32-byte right)
 *   MTH({})     = SM3("") = 1ab21d83…82aa2b
 *   MTH(D[n])   = node hash(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two < n
 *
 * Hashes cross the API as 64 lowercase hex digits. Proofs are RFC 6962 §2.1.1 PATH and §2.1.2
 * PROOF (node hashes, leaf side first); the verifiers are the RFC 9162 §2.1.3.2 and §2.1.4.2
 * algorithms, which need only the proof, the sizes and the roots.
 *
 * Building a proof from all the leaves is O(n) time and 32·n bytes (a million entries: a few
 * seconds, 32 MB). A server that keeps stored perfect-subtree hashes instead asks
 * `inclusionProofRanges` / `consistencyProofRanges` which subtrees it needs (see
 * merkle-accumulator.ts for `perfectSubtrees` and `rootFromSubtrees`).
 */
import { bytesToHex, writeHex } from "./bytes";
import { sm3Hex as sm3 } from "./sm-crypto";

const HASH = /^[0-9a-fA-F]{64}$/;

/** Root of the empty tree: SM3 of no bytes. */
export const EMPTY_TREE_ROOT = "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";

// SM3 (Sm3Hasher) is synchronous and keeps no reference to its input, so the buffers are reused.
const leafInput = new Uint8Array(33);
const nodeInput = new Uint8Array(65);
nodeInput[0] = 0x01;

function assertHash(hex: string, what: string): void {
  if (typeof hex !== "string" || !HASH.test(hex)) throw new TypeError(`${what} must be 64 hex digits`);
}

/** RFC 6962 leaf hash of an entry: SM3(0x00 ‖ entry hash bytes). */
export function leafHash(entryHashHex: string): string {
  assertHash(entryHashHex, "an entry hash");
  writeHex(entryHashHex, leafInput, 1);
  return sm3(leafInput);
}

/** RFC 6962 interior node: SM3(0x01 ‖ left ‖ right). */
export function nodeHash(leftHex: string, rightHex: string): string {
  assertHash(leftHex, "a node hash");
  assertHash(rightHex, "a node hash");
  writeHex(leftHex, nodeInput, 1);
  writeHex(rightHex, nodeInput, 33);
  return sm3(nodeInput);
}

// ── Building from all leaves, O(n) ───────────────────────────────────────────────────────────────

/** Leaf hashes of all entries, 32 bytes each, back to back. */
function leafLayer(leaves: readonly string[]): Uint8Array {
  const layer = new Uint8Array(leaves.length * 32);
  for (let i = 0; i < leaves.length; i++) writeHex(leafHash(leaves[i]!), layer, i * 32);
  return layer;
}

/** MTH of leaves [start, end): pairs each level bottom-up (an odd last node moves up as is). */
function rangeRoot(layer: Uint8Array, start: number, end: number): string {
  if (end <= start) return EMPTY_TREE_ROOT;
  const work = layer.slice(start * 32, end * 32);
  let width = end - start;
  while (width > 1) {
    const half = Math.floor(width / 2);
    for (let i = 0; i < half; i++) {
      nodeInput.set(work.subarray(i * 64, i * 64 + 64), 1);
      writeHex(sm3(nodeInput), work, i * 32);
    }
    if (width % 2) work.copyWithin(half * 32, (width - 1) * 32, width * 32);
    width = Math.ceil(width / 2);
  }
  return bytesToHex(work.subarray(0, 32));
}

/** MTH of the tree whose leaves are these entry hashes (hex), in ledger order. */
export function merkleRoot(leaves: readonly string[]): string {
  return rangeRoot(leafLayer(leaves), 0, leaves.length);
}

/** A run of leaves [start, end) whose MTH is one element of a proof. */
export type LeafRange = { start: number; end: number };

function assertSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer`);
}

const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** The subtrees whose MTHs form PATH(index, D[treeSize]) (RFC 6962 §2.1.1), in proof order. */
export function inclusionProofRanges(index: number, treeSize: number): LeafRange[] {
  assertSize(index, "index");
  assertSize(treeSize, "treeSize");
  if (index >= treeSize) throw new RangeError(`index ${index} is outside a tree of ${treeSize}`);
  const ranges: LeafRange[] = [];
  let lo = 0;
  let hi = treeSize;
  while (hi - lo > 1) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (index < lo + k) {
      ranges.push({ start: lo + k, end: hi });
      hi = lo + k;
    } else {
      ranges.push({ start: lo, end: lo + k });
      lo += k;
    }
  }
  return ranges.reverse();
}

/** The subtrees whose MTHs form PROOF(oldSize, D[newSize]) (RFC 6962 §2.1.2), in proof order. */
export function consistencyProofRanges(oldSize: number, newSize: number): LeafRange[] {
  assertSize(oldSize, "oldSize");
  assertSize(newSize, "newSize");
  if (oldSize > newSize) throw new RangeError(`oldSize ${oldSize} is larger than newSize ${newSize}`);
  const ranges: LeafRange[] = [];
  if (oldSize === 0 || oldSize === newSize) return ranges;
  let lo = 0;
  let hi = newSize;
  let m = oldSize;
  let whole = true; // SUBPROOF's b: the old tree is this whole subtree, so the verifier knows its hash
  while (m !== hi - lo) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m <= k) {
      ranges.push({ start: lo + k, end: hi });
      hi = lo + k;
    } else {
      ranges.push({ start: lo, end: lo + k });
      lo += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) ranges.push({ start: lo, end: hi });
  return ranges.reverse();
}

/** PATH(index, D[n]) over the entry hashes: the audit path of RFC 6962 §2.1.1. */
export function inclusionProof(leaves: readonly string[], index: number): string[] {
  const ranges = inclusionProofRanges(index, leaves.length);
  const layer = leafLayer(leaves);
  return ranges.map((range) => rangeRoot(layer, range.start, range.end));
}

/** PROOF(oldSize, D[n]) over the entry hashes: RFC 6962 §2.1.2. Empty when oldSize is 0 or n. */
export function consistencyProof(leaves: readonly string[], oldSize: number): string[] {
  const ranges = consistencyProofRanges(oldSize, leaves.length);
  if (ranges.length === 0) return [];
  const layer = leafLayer(leaves);
  return ranges.map((range) => rangeRoot(layer, range.start, range.end));
}

// ── Verifying, RFC 9162 ─────────────────────────────────────────────────────────────────────────

const isHashList = (proof: unknown): proof is string[] =>
  Array.isArray(proof) && proof.every((p) => typeof p === "string" && HASH.test(p));

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2, with the leaf given as its entry hash (hashed here as 0x00 ‖ bytes). */
export function verifyInclusion(input: {
  leafHash: string;
  index: number;
  treeSize: number;
  proof: readonly string[];
  root: string;
}): boolean {
  const { index, treeSize, proof, root } = input;
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return false;
  if (!HASH.test(input.leafHash) || !HASH.test(root) || !isHashList(proof)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash(input.leafHash);
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r === root.toLowerCase();
}

const isPowerOfTwo = (n: number): boolean => {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
};

/** RFC 9162 §2.1.4.2. Equal sizes need an empty proof and equal roots; any tree extends the empty one. */
export function verifyConsistency(input: {
  oldSize: number;
  oldRoot: string;
  newSize: number;
  newRoot: string;
  proof: readonly string[];
}): boolean {
  const { oldSize, newSize, proof } = input;
  if (!isCount(oldSize) || !isCount(newSize) || oldSize > newSize) return false;
  if (!HASH.test(input.oldRoot) || !HASH.test(input.newRoot) || !isHashList(proof)) return false;
  const oldRoot = input.oldRoot.toLowerCase();
  const newRoot = input.newRoot.toLowerCase();
  if (oldSize === 0) return proof.length === 0 && oldRoot === EMPTY_TREE_ROOT;
  if (oldSize === newSize) return proof.length === 0 && oldRoot === newRoot;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!.toLowerCase();
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr === oldRoot && sr === newRoot && sn === 0;
}
