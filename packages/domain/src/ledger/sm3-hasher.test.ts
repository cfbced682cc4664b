/**
 * The injected SM3 (OpenSSL through node:crypto, as the server injects it) and the portable one
 * give the same digests, so the ledger, the Merkle tree and the seals never depend on which runs.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { entryHash, GENESIS_HASH } from "./hash";
import { leafHash, merkleRoot, nodeHash } from "./merkle";
import { portableSm3, type Sm3Hasher, setSm3Hasher, sm3Hex } from "./sm-crypto";

// Node's types are not part of the domain's program (tsconfig `types: []`): loaded untyped.
const load = (name: string): Promise<unknown> => import(name);
const { createHash } = (await load("node:crypto")) as {
  createHash(algorithm: string): {
    update(data: string | Uint8Array): { digest(encoding: "hex"): string };
  };
};
const opensslSm3: Sm3Hasher = (data) => createHash("sm3").update(data).digest("hex");

afterEach(() => setSm3Hasher());

describe("the SM3 hasher behind sm3Hex", () => {
  it("is OpenSSL's or the portable one, with identical digests on bytes and on text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: "grapheme" })), (data) => {
        expect(opensslSm3(data)).toBe(portableSm3(data));
      }),
    );
    // Text the UTF-8 encoders could disagree on: CJK, astral characters, a lone surrogate.
    for (const text of ["", "不动产权证书", "𠀀𝄞", "\ud800x", "a\udc00"])
      expect(opensslSm3(text)).toBe(portableSm3(text));
  });

  it("is used by the ledger hash and the Merkle tree once injected, with the same results", () => {
    const entries = Array.from({ length: 7 }, (_, i) => ({ seq: i, unit: `4406040010010000${i}` }));
    const compute = () => {
      const hashes = entries.map((e) => entryHash(GENESIS_HASH, e));
      return {
        hashes,
        leaf: leafHash(hashes[0]!),
        node: nodeHash(hashes[0]!, hashes[1]!),
        root: merkleRoot(hashes),
        plain: sm3Hex("abc"),
      };
    };
    const portable = compute();
    let calls = 0;
    setSm3Hasher((data) => {
      calls++;
      return opensslSm3(data);
    });
    expect(compute()).toEqual(portable);
    expect(calls).toBeGreaterThan(0);
    expect(portable.plain).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  });
});
