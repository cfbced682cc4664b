import {
  consistencyProofRanges,
  inclusionProofRanges,
  type LeafRange,
  MerkleAccumulator,
  merkleRoot,
  perfectSubtrees,
  rootFromSubtrees,
  type SubtreeRoot,
} from "@yulin/domain";
import type { Database, Tx } from "../platform/db/database";
import { findMerkleNodes, listEntryHashes } from "./ledger.repository";

type Db = Database | Tx;

/**
 * The Merkle tree kept in the database: the head row holds the compact range (≤ 53 hashes) so an
 * append or a new root costs O(log n); perfect subtrees of 2^8 = 256 leaves and up are stored, so
 * a proof needs O(log n) stored hashes plus at most a few hundred entry hashes, never every leaf.
 */
export const STORED_LEVEL = 8;

export function restoreTree(frontier: unknown, size: number): MerkleAccumulator {
  return MerkleAccumulator.fromSubtreeRoots(size, Array.isArray(frontier) ? (frontier as string[]) : []);
}

/** Appends an entry's hash; returns the subtrees to store. */
export function appendLeaf(tree: MerkleAccumulator, entryHash: string): SubtreeRoot[] {
  return tree.append(entryHash).filter((n) => n.level >= STORED_LEVEL);
}

export const frontierOf = (tree: MerkleAccumulator): string[] => tree.subtreeRoots().map((s) => s.hash);

/** MTH of each leaf range, from stored nodes and (for the small ones) the entries' hashes. */
export async function rangeHashes(db: Db, ranges: readonly LeafRange[]): Promise<string[]> {
  const pieces = ranges.map((r) => perfectSubtrees(r.start, r.end));
  const stored = await findMerkleNodes(
    db,
    pieces.flat().filter((p) => p.level >= STORED_LEVEL),
  );
  const result: string[] = [];
  for (const refs of pieces) {
    const hashes: Array<{ level: number; hash: string }> = [];
    for (const ref of refs) {
      if (ref.level >= STORED_LEVEL) {
        const hash = stored.get(`${ref.level}:${ref.index}`);
        if (!hash) throw new Error(`merkle node ${ref.level}:${ref.index} is missing`);
        hashes.push({ level: ref.level, hash });
      } else {
        const start = ref.index * 2 ** ref.level;
        const leaves = await listEntryHashes(db, start + 1, start + 2 ** ref.level);
        hashes.push({ level: ref.level, hash: merkleRoot(leaves) });
      }
    }
    result.push(rootFromSubtrees(hashes));
  }
  return result;
}

/** MTH of the first `size` entries. */
export async function rootAt(db: Db, size: number): Promise<string> {
  const [root] = await rangeHashes(db, [{ start: 0, end: size }]);
  return root!;
}

export async function buildInclusionProof(db: Db, index: number, treeSize: number): Promise<string[]> {
  return rangeHashes(db, inclusionProofRanges(index, treeSize));
}

export async function buildConsistencyProof(db: Db, oldSize: number, newSize: number): Promise<string[]> {
  return rangeHashes(db, consistencyProofRanges(oldSize, newSize));
}
