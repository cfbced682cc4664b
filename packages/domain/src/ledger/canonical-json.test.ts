import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

/** Rebuilds an object with its keys inserted in the given order. */
const reorder = (value: unknown, pick: (keys: string[]) => string[]): unknown => {
  if (Array.isArray(value)) return value.map((item) => reorder(item, pick));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(pick(Object.keys(record)).map((key) => [key, reorder(record[key], pick)]));
};

const jsonData = fc.jsonValue({ noUnicodeString: false });

describe("canonicalJson", () => {
  it("does not depend on the order keys were inserted in", () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        const reversed = reorder(value, (keys) => [...keys].reverse());
        const rotated = reorder(value, (keys) => [...keys.slice(1), ...keys.slice(0, 1)]);
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(canonicalJson(rotated)).toBe(canonicalJson(value));
      }),
    );
  });

  it("parses back to the same data", () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it("sorts keys by UTF-16 code units, writes no whitespace and keeps Chinese as itself", () => {
    expect(canonicalJson({ 权利人: "张三", b: 1, a: [true, null, { y: "鱼鳞图册", x: "" }], A: 0 })).toBe(
      '{"A":0,"a":[true,null,{"x":"","y":"鱼鳞图册"}],"b":1,"权利人":"张三"}',
    );
    // U+FFFD sorts before U+1F600 (a surrogate pair starting 0xD83D) in UTF-16, after it in code points.
    expect(canonicalJson({ "\u{1F600}": 1, "\uFFFD": 2 })).toBe('{"😀":1,"\uFFFD":2}');
  });

  it("escapes only quotes, backslashes and control characters", () => {
    expect(canonicalJson('a"b\\c\n\u0001\u007f/é')).toBe('"a\\"b\\\\c\\n\\u0001\u007f/é"');
  });

  it("keeps nested arrays in order", () => {
    expect(canonicalJson([[3, [2, [1]]], [], [{}]])).toBe("[[3,[2,[1]]],[],[{}]]");
  });

  it("writes numbers in their shortest round-trip form (RFC 8785 §3.2.2.3)", () => {
    const cases: Array<[number, string]> = [
      [0, "0"],
      [-0, "0"],
      [1, "1"],
      [-1.5, "-1.5"],
      [0.1, "0.1"],
      [1e21, "1e+21"],
      [1e-7, "1e-7"],
      [123456789012345680000, "123456789012345680000"],
      [5e-324, "5e-324"],
      [Number.MAX_SAFE_INTEGER, "9007199254740991"],
    ];
    for (const [value, text] of cases) expect(canonicalJson(value)).toBe(text);
  });

  it("drops undefined properties", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("refuses what has no single JSON form", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const refused: unknown[] = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1n,
      undefined,
      [undefined],
      new Date("2026-01-01T00:00:00Z"),
      { at: new Date(0) },
      new Map(),
      new Uint8Array(1),
      () => 1,
      Symbol("s"),
      cyclic,
      "\uD800",
      { "\uDC00": 1 },
    ];
    for (const value of refused) expect(() => canonicalJson(value), String(value)).toThrow(TypeError);
  });

  it("names the path of what it refuses", () => {
    expect(() => canonicalJson({ body: { at: new Date(0) } })).toThrow("$.body.at");
    expect(() => canonicalJson({ list: [1, Number.NaN] })).toThrow("$.list[1]");
  });

  it("accepts a shared (not cyclic) reference and objects without a prototype", () => {
    const shared = { k: 1 };
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { z: 1, a: 2 });
    expect(canonicalJson([shared, shared, bare])).toBe('[{"k":1},{"k":1},{"a":2,"z":1}]');
  });
});
