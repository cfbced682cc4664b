import fc from "fast-check";
import { sm3 } from "sm-crypto-v2";
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  consistencyProofRanges,
  EMPTY_TREE_ROOT,
  inclusionProof,
  inclusionProofRanges,
  merkleRoot,
} from "./merkle";
import { MerkleAccumulator, perfectSubtrees, rootFromSubtrees, type SubtreeRoot } from "./merkle-accumulator";

const entryHashes = (n: number, seed = 0): string[] =>
  Array.from({ length: n }, (_, i) => sm3(`entry ${seed}/${i}`));

/** What a server would have stored: every perfect subtree the accumulator reported. */
const storeAll = (leaves: string[]): Map<string, string> => {
  const stored = new Map<string, string>();
  const accumulator = new MerkleAccumulator();
  for (const leaf of leaves) {
    for (const node of accumulator.append(leaf)) stored.set(`${node.level}/${node.index}`, node.hash);
  }
  return stored;
};

describe("MerkleAccumulator", () => {
  it("has the root of merkleRoot after every append", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), (n, seed) => {
        const leaves = entryHashes(n, seed);
        const accumulator = new MerkleAccumulator();
        expect(accumulator.root()).toBe(EMPTY_TREE_ROOT);
        leaves.forEach((leaf, i) => {
          accumulator.append(leaf);
          if (i % 17 === 0 || i === n - 1)
            expect(accumulator.root()).toBe(merkleRoot(leaves.slice(0, i + 1)));
        });
        expect(accumulator.size).toBe(n);
      }),
      { numRuns: 15 },
    );
  });

  it("keeps one subtree root per set bit of the size", () => {
    const accumulator = new MerkleAccumulator();
    for (const leaf of entryHashes(13)) accumulator.append(leaf);
    expect(accumulator.subtreeRoots().map(({ level, index }) => ({ level, index }))).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
  });

  it("reports each perfect subtree it completes, with the hash merkleRoot gives its leaves", () => {
    const leaves = entryHashes(64);
    const accumulator = new MerkleAccumulator();
    const completed: SubtreeRoot[] = [];
    for (const leaf of leaves) completed.push(...accumulator.append(leaf));
    expect(completed).toHaveLength(127);
    for (const { level, index, hash } of completed) {
      const size = 2 ** level;
      expect(hash).toBe(merkleRoot(leaves.slice(index * size, (index + 1) * size)));
    }
    expect(accumulator.append(entryHashes(1, 9)[0]!).map(({ level, index }) => [level, index])).toEqual([
      [0, 64],
    ]);
  });

  it("resumes from stored subtree roots", () => {
    const leaves = entryHashes(45);
    const first = new MerkleAccumulator();
    for (const leaf of leaves.slice(0, 29)) first.append(leaf);
    const stored = JSON.parse(JSON.stringify(first.subtreeRoots().map((root) => root.hash))) as string[];
    const resumed = MerkleAccumulator.fromSubtreeRoots(29, stored);
    for (const leaf of leaves.slice(29)) resumed.append(leaf);
    expect(resumed.root()).toBe(merkleRoot(leaves));
    expect(() => MerkleAccumulator.fromSubtreeRoots(29, stored.slice(1))).toThrow(RangeError);
    expect(() => MerkleAccumulator.fromSubtreeRoots(0, [])).not.toThrow();
  });
});

describe("proofs from stored perfect subtrees", () => {
  it("decomposes ranges into aligned perfect subtrees", () => {
    expect(perfectSubtrees(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(perfectSubtrees(8, 12)).toEqual([{ level: 2, index: 2 }]);
    expect(perfectSubtrees(3, 9)).toEqual([
      { level: 0, index: 3 },
      { level: 2, index: 1 },
      { level: 0, index: 8 },
    ]);
    expect(perfectSubtrees(5, 5)).toEqual([]);
    expect(() => perfectSubtrees(5, 4)).toThrow(RangeError);
  });

  it("rebuild every inclusion and consistency proof", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.nat(), (n, seed) => {
        const leaves = entryHashes(n, seed);
        const stored = storeAll(leaves);
        const element = (range: { start: number; end: number }): string =>
          rootFromSubtrees(
            perfectSubtrees(range.start, range.end).map((ref) => ({
              level: ref.level,
              hash: stored.get(`${ref.level}/${ref.index}`)!,
            })),
          );
        for (let i = 0; i < n; i += 1 + (seed % 5)) {
          expect(inclusionProofRanges(i, n).map(element)).toEqual(inclusionProof(leaves, i));
          const m = i + 1;
          expect(consistencyProofRanges(m, n).map(element)).toEqual(consistencyProof(leaves, m));
        }
      }),
      { numRuns: 15 },
    );
  });

  it("refuses subtrees that are not in decreasing size order", () => {
    const [a, b] = entryHashes(2);
    expect(() =>
      rootFromSubtrees([
        { level: 0, hash: a! },
        { level: 1, hash: b! },
      ]),
    ).toThrow(RangeError);
    expect(rootFromSubtrees([])).toBe(EMPTY_TREE_ROOT);
  });
});
