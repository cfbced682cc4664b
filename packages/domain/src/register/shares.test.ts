import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCoOwnership, parseShare, sumShares } from "./shares";

const codes = (mode: "0" | "1" | "2" | "3", shares: Array<string | null>) =>
  checkCoOwnership(
    mode,
    shares.map((share) => ({ share })),
  ).map((f) => f.code);

describe("shares (R6)", () => {
  it("parses fractions, decimals and percentages exactly", () => {
    expect(parseShare("1/2")).toEqual({ num: 1n, den: 2n });
    expect(parseShare("0.25")).toEqual({ num: 1n, den: 4n });
    expect(parseShare("50%")).toEqual({ num: 1n, den: 2n });
    expect(parseShare("３３％")).toEqual({ num: 33n, den: 100n });
    expect(parseShare("0")).toBeUndefined();
    expect(parseShare("3/2")).toBeUndefined();
    expect(parseShare("abc")).toBeUndefined();
  });

  it("sums thirds to exactly one", () => {
    expect(codes("2", ["1/3", "1/3", "1/3"])).toEqual([]);
    expect(codes("2", ["0.33", "0.33", "0.34"])).toEqual([]);
    expect(codes("2", ["0.333", "0.333", "0.333"])).toEqual(["R6"]);
  });

  it("refuses shares that do not add up, and missing shares", () => {
    expect(codes("2", ["1/2", "1/3"])).toEqual(["R6"]);
    expect(codes("2", ["1/2", null])).toEqual(["R6"]);
  });

  it("knows sole and common ownership", () => {
    expect(codes("0", [null])).toEqual([]);
    expect(codes("0", ["1"])).toEqual([]);
    expect(codes("0", [null, null])).toEqual(["R6"]);
    expect(codes("1", [null, null])).toEqual([]);
    expect(codes("1", ["1/2", "1/2"])).toEqual(["R6"]);
    expect(codes("1", [null])).toEqual(["R6"]);
    expect(codes("0", [])).toEqual(["R6"]);
  });

  it("n equal shares 1/n always sum to one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), (n) => {
        const sum = sumShares(Array.from({ length: n }, () => parseShare(`1/${n}`)!));
        expect(sum).toEqual({ num: 1n, den: 1n });
      }),
    );
  });
});
