import { sm3 } from "sm-crypto-v2";
import { describe, expect, it } from "vitest";
import { type ChainedEntry, entryHash, GENESIS_HASH, sm3Hex, verifyChain } from "./hash";

/** UTF-8 by way of percent-encoding: independent of the code under test. */
const utf8 = (text: string): Uint8Array =>
  Uint8Array.from(encodeURIComponent(text).match(/%[0-9A-F]{2}|./g) ?? [], (part) =>
    part.length === 3 ? Number.parseInt(part.slice(1), 16) : part.charCodeAt(0),
  );

describe("sm3Hex", () => {
  it("matches the GB/T 32905 examples", () => {
    expect(sm3Hex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    expect(sm3Hex("abcd".repeat(16))).toBe(
      "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
    );
    expect(sm3Hex("")).toBe("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
  });

  it("hashes a string as its UTF-8 bytes", () => {
    expect(sm3Hex("不动产登记簿")).toBe(sm3Hex(utf8("不动产登记簿")));
    expect(sm3Hex("😀")).toBe(sm3Hex(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80)));
  });
});

const chain = (bodies: unknown[]): ChainedEntry[] => {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (const body of bodies) {
    const hash = entryHash(prevHash, body);
    entries.push({ hash, prevHash, body });
    prevHash = hash;
  }
  return entries;
};

const bodies = [
  { seq: 1, kind: "首次登记", parcel: "330106001001GB00001", at: "2026-11-24T01:00:00.000Z" },
  { seq: 2, kind: "抵押权首次登记", amount: 1_200_000, at: "2026-11-24T02:00:00.000Z" },
  { seq: 3, kind: "转移登记", holders: [{ name: "李四", share: "1/2" }], at: "2026-11-24T03:00:00.000Z" },
];

describe("entryHash", () => {
  it("is SM3 over the UTF-8 of the previous hash's 64 hex digits followed by the canonical JSON", () => {
    const body = { b: "登簿", a: 1 };
    const expected = sm3(utf8(`${GENESIS_HASH}{"a":1,"b":"登簿"}`));
    expect(entryHash(GENESIS_HASH, body)).toBe(expected);
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  it("refuses a previous hash that is not 64 lowercase hex digits", () => {
    expect(() => entryHash("ABC", {})).toThrow(TypeError);
    expect(() => entryHash(GENESIS_HASH.toUpperCase().replace(/0/g, "A"), {})).toThrow(TypeError);
  });
});

describe("verifyChain", () => {
  it("accepts an intact chain and reports its last hash", () => {
    const entries = chain(bodies);
    expect(verifyChain(entries)).toEqual({ ok: true, size: 3, lastHash: entries[2]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, size: 0, lastHash: GENESIS_HASH });
  });

  it("checks a later segment from the last verified hash", () => {
    const entries = chain(bodies);
    expect(verifyChain(entries.slice(1), entries[0]!.hash)).toMatchObject({ ok: true, size: 2 });
    expect(verifyChain(entries.slice(1))).toMatchObject({
      ok: false,
      index: 0,
      reason: "prev-hash-mismatch",
    });
  });

  it("finds an altered body at its index", () => {
    const entries = chain(bodies);
    entries[1] = { ...entries[1]!, body: { ...bodies[1]!, amount: 1_300_000 } };
    expect(verifyChain(entries)).toEqual({
      ok: false,
      index: 1,
      reason: "hash-mismatch",
      expected: entryHash(entries[0]!.hash, entries[1].body),
      found: entries[1].hash,
    });
  });

  it("finds a removed entry where the link breaks", () => {
    const entries = chain(bodies);
    expect(verifyChain([entries[0]!, entries[2]!])).toMatchObject({
      ok: false,
      index: 1,
      reason: "prev-hash-mismatch",
      expected: entries[0]!.hash,
      found: entries[1]!.hash,
    });
  });

  it("finds a rewritten entry whose hash was recomputed, at the next link", () => {
    const entries = chain(bodies);
    const forged = { ...bodies[0]!, parcel: "330106001001GB00002" };
    entries[0] = { ...entries[0]!, body: forged, hash: entryHash(GENESIS_HASH, forged) };
    expect(verifyChain(entries)).toMatchObject({ ok: false, index: 1, reason: "prev-hash-mismatch" });
  });

  it("reports malformed hashes and bodies that are not JSON data", () => {
    const entries = chain(bodies);
    expect(verifyChain([{ ...entries[0]!, hash: entries[0]!.hash.toUpperCase() }])).toMatchObject({
      ok: false,
      index: 0,
      reason: "malformed-hash",
    });
    expect(verifyChain([{ ...entries[0]!, body: { at: new Date(0) } }])).toMatchObject({
      ok: false,
      index: 0,
      reason: "unencodable-body",
    });
  });
});
