import fc from "fast-check";
import { sm3 } from "sm-crypto-v2";
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  EMPTY_TREE_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from "./merkle";

// ── RFC 6962 §2.1 written out literally, on bytes, as the reference ────────────────────────────

const fromHex = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const sm3Bytes = (...parts: Uint8Array[]): Uint8Array => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return fromHex(sm3(all));
};
const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** MTH(D[n]) */
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return sm3Bytes();
  if (d.length === 1) return sm3Bytes(Uint8Array.of(0), d[0]!);
  const k = splitPoint(d.length);
  return sm3Bytes(Uint8Array.of(1), mth(d.slice(0, k)), mth(d.slice(k)));
}

/** PATH(m, D[n]) */
function path(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length === 1) return [];
  const k = splitPoint(d.length);
  return m < k
    ? [...path(m, d.slice(0, k)), mth(d.slice(k))]
    : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}

/** SUBPROOF(m, D[n], b) */
function subproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}

// ── Fixtures ────────────────────────────────────────────────────────────────────────────────────

const entryHashes = (n: number, seed = 0): string[] =>
  Array.from({ length: n }, (_, i) => sm3(`entry ${seed}/${i}`));

const flipByte = (hex: string, byte: number): string => {
  const at = (byte % 32) * 2;
  const flipped = (Number.parseInt(hex.slice(at, at + 2), 16) ^ 0x01).toString(16).padStart(2, "0");
  return hex.slice(0, at) + flipped + hex.slice(at + 2);
};

describe("Merkle tree hash", () => {
  it("hashes leaves and nodes on bytes with the RFC 6962 prefixes", () => {
    const [a, b] = entryHashes(2);
    expect(leafHash(a!)).toBe(toHex(sm3Bytes(Uint8Array.of(0), fromHex(a!))));
    expect(nodeHash(a!, b!)).toBe(toHex(sm3Bytes(Uint8Array.of(1), fromHex(a!), fromHex(b!))));
  });

  it("gives SM3 of nothing for the empty tree and the leaf hash for one entry", () => {
    expect(merkleRoot([])).toBe(EMPTY_TREE_ROOT);
    expect(EMPTY_TREE_ROOT).toBe(sm3(new Uint8Array(0)));
    const [a] = entryHashes(1);
    expect(merkleRoot([a!])).toBe(leafHash(a!));
  });

  it("equals the recursive RFC 6962 definition for every size up to 70", () => {
    for (let n = 0; n <= 70; n++) {
      const leaves = entryHashes(n, n);
      expect(merkleRoot(leaves), `n = ${n}`).toBe(toHex(mth(leaves.map(fromHex))));
    }
  });

  it("equals the recursive definition for random sizes up to 200", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (n, seed) => {
        const leaves = entryHashes(n, seed);
        expect(merkleRoot(leaves)).toBe(toHex(mth(leaves.map(fromHex))));
      }),
      { numRuns: 25 },
    );
  });

  it("accepts upper-case hex leaves and refuses anything else", () => {
    const leaves = entryHashes(3);
    expect(merkleRoot(leaves.map((l) => l.toUpperCase()))).toBe(merkleRoot(leaves));
    expect(() => merkleRoot([...leaves, "xyz"])).toThrow(TypeError);
    expect(() => merkleRoot([leaves[0]!.slice(2)])).toThrow(TypeError);
  });
});

describe("inclusion proofs", () => {
  it("are PATH of RFC 6962 §2.1.1 and verify for every index, and only for the right leaf, index and path", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), (n, seed, byte) => {
        const leaves = entryHashes(n, seed);
        const d = leaves.map(fromHex);
        const root = merkleRoot(leaves);
        const other = sm3(`not an entry ${seed}`);
        for (let index = 0; index < n; index++) {
          const proof = inclusionProof(leaves, index);
          if (index % 5 === 0) expect(proof).toEqual(path(index, d).map(toHex));
          const leaf = leaves[index]!;
          expect(verifyInclusion({ leafHash: leaf, index, treeSize: n, proof, root })).toBe(true);
          expect(verifyInclusion({ leafHash: other, index, treeSize: n, proof, root })).toBe(false);
          if (n > 1) {
            const wrongIndex = (index + 1 + (byte % (n - 1))) % n;
            expect(verifyInclusion({ leafHash: leaf, index: wrongIndex, treeSize: n, proof, root })).toBe(
              false,
            );
            const at = byte % proof.length;
            const flipped = proof.map((p, i) => (i === at ? flipByte(p, byte) : p));
            expect(verifyInclusion({ leafHash: leaf, index, treeSize: n, proof: flipped, root })).toBe(false);
            expect(verifyInclusion({ leafHash: leaf, index, treeSize: n, proof: proof.slice(1), root })).toBe(
              false,
            );
            expect(
              verifyInclusion({ leafHash: leaf, index, treeSize: n, proof: [...proof, root], root }),
            ).toBe(false);
          }
          expect(
            verifyInclusion({ leafHash: leaf, index, treeSize: n, proof, root: flipByte(root, byte) }),
          ).toBe(false);
        }
      }),
      { numRuns: 12 },
    );
  });

  it("refuses indexes outside the tree and malformed input", () => {
    const leaves = entryHashes(5);
    const root = merkleRoot(leaves);
    const proof = inclusionProof(leaves, 4);
    expect(() => inclusionProof(leaves, 5)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, -1)).toThrow(RangeError);
    expect(verifyInclusion({ leafHash: leaves[4]!, index: 5, treeSize: 5, proof, root })).toBe(false);
    expect(verifyInclusion({ leafHash: leaves[4]!, index: 4.5, treeSize: 5, proof, root })).toBe(false);
    expect(verifyInclusion({ leafHash: "zz", index: 4, treeSize: 5, proof, root })).toBe(false);
    expect(verifyInclusion({ leafHash: leaves[4]!, index: 4, treeSize: 5, proof: ["00"], root })).toBe(false);
  });

  it("for a one-entry tree is empty", () => {
    const leaves = entryHashes(1);
    expect(inclusionProof(leaves, 0)).toEqual([]);
    expect(
      verifyInclusion({ leafHash: leaves[0]!, index: 0, treeSize: 1, proof: [], root: merkleRoot(leaves) }),
    ).toBe(true);
  });
});

describe("consistency proofs", () => {
  it("are PROOF of RFC 6962 §2.1.2 and verify for every old size, and not for a tampered old root", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), (n, seed, byte) => {
        const leaves = entryHashes(n, seed);
        const d = leaves.map(fromHex);
        const newRoot = merkleRoot(leaves);
        for (let m = 1; m <= n; m++) {
          const proof = consistencyProof(leaves, m);
          if (m % 5 === 0 || m === n) expect(proof).toEqual(m === n ? [] : subproof(m, d, true).map(toHex));
          const oldRoot = merkleRoot(leaves.slice(0, m));
          expect(verifyConsistency({ oldSize: m, oldRoot, newSize: n, newRoot, proof })).toBe(true);
          const tampered = flipByte(oldRoot, byte);
          expect(verifyConsistency({ oldSize: m, oldRoot: tampered, newSize: n, newRoot, proof })).toBe(
            false,
          );
          expect(
            verifyConsistency({ oldSize: m, oldRoot, newSize: n, newRoot: flipByte(newRoot, byte), proof }),
          ).toBe(false);
          if (proof.length > 0) {
            const at = byte % proof.length;
            const flipped = proof.map((p, i) => (i === at ? flipByte(p, byte) : p));
            expect(verifyConsistency({ oldSize: m, oldRoot, newSize: n, newRoot, proof: flipped })).toBe(
              false,
            );
            expect(
              verifyConsistency({ oldSize: m, oldRoot, newSize: n, newRoot, proof: proof.slice(1) }),
            ).toBe(false);
          }
          if (m < n) {
            // The old tree with one entry changed is not a prefix of the new one.
            const forked = [...leaves.slice(0, m - 1), sm3(`forked ${seed}`)];
            expect(
              verifyConsistency({ oldSize: m, oldRoot: merkleRoot(forked), newSize: n, newRoot, proof }),
            ).toBe(false);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it("handles equal sizes, the empty old tree and sizes in the wrong order", () => {
    const leaves = entryHashes(9);
    const root = merkleRoot(leaves);
    expect(consistencyProof(leaves, 9)).toEqual([]);
    expect(consistencyProof(leaves, 0)).toEqual([]);
    expect(verifyConsistency({ oldSize: 9, oldRoot: root, newSize: 9, newRoot: root, proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 9, oldRoot: root, newSize: 9, newRoot: root, proof: [root] })).toBe(
      false,
    );
    expect(
      verifyConsistency({ oldSize: 0, oldRoot: EMPTY_TREE_ROOT, newSize: 9, newRoot: root, proof: [] }),
    ).toBe(true);
    expect(() => consistencyProof(leaves, 10)).toThrow(RangeError);
    const proof = consistencyProof(leaves, 4);
    const oldRoot = merkleRoot(leaves.slice(0, 4));
    expect(verifyConsistency({ oldSize: 4, oldRoot, newSize: 9, newRoot: root, proof })).toBe(true);
    expect(verifyConsistency({ oldSize: 9, oldRoot: root, newSize: 4, newRoot: oldRoot, proof })).toBe(false);
    expect(verifyConsistency({ oldSize: 4, oldRoot, newSize: 9, newRoot: root, proof: [] })).toBe(false);
  });
});
