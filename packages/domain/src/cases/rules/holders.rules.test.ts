import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fraction } from "../fraction";
import { blocksOf, ctx, draft, ofRule, party, right, unit } from "../testing/given";
import { evaluateRules } from "./rule-engine";

describe("R5 current holder only", () => {
  it("refuses a sale by someone who is not the registered holder (R5)", () => {
    const parties = [party("buyer", "right-holder"), party("impostor", "obligor")];
    const findings = evaluateRules(draft("transfer.sale", { parties }), unit(), ctx());
    expect(blocksOf(findings, "R5").map((f) => f.code)).toEqual(["R5.NOT_THE_HOLDER"]);
  });

  it("refuses to dispose of a historic right (R5)", () => {
    const state = unit({ rights: [right({ id: "old", status: "historic" }), right({ id: "new" })] });
    const findings = evaluateRules(draft("transfer.sale", { targetRightId: "old" }), state, ctx());
    expect(blocksOf(findings, "R5").map((f) => f.code)).toEqual(["R5.NOT_CURRENT"]);
  });

  it("allows the current holder to sell (R5)", () => {
    expect(ofRule(evaluateRules(draft("transfer.sale"), unit(), ctx()), "R5")).toEqual([]);
  });

  it("refuses to cancel a mortgage the register does not hold (R5)", () => {
    const findings = evaluateRules(
      draft("mortgage.cancel", { mortgage: { targetMortgageId: "nope" } }),
      unit(),
      ctx(),
    );
    expect(blocksOf(findings, "R5").map((f) => f.code)).toEqual(["R5.NO_SUCH_ENTRY"]);
  });
});

const coOwned = (mode: "joint" | "shares", shares: [number, number][] = []) =>
  unit({
    rights: [
      right({
        coOwnership: mode,
        holders: ["a", "b", "c"].map((id, i) => ({
          personId: id,
          name: id,
          ...(shares[i] ? { share: fraction(...shares[i]) } : {}),
        })),
      }),
    ],
  });

const saleBy = (...sellers: string[]) =>
  draft("transfer.sale", {
    parties: [party("buyer", "right-holder"), ...sellers.map((s) => party(s, "obligor"))],
  });

describe("R6 co-owners", () => {
  it("refuses a sale of joint property without every owner (R6)", () => {
    const findings = evaluateRules(saleBy("a", "b"), coOwned("joint"), ctx());
    expect(blocksOf(findings, "R6").map((f) => f.code)).toEqual(["R6.ALL_OWNERS"]);
    expect(blocksOf(evaluateRules(saleBy("a", "b", "c"), coOwned("joint"), ctx()), "R6")).toEqual([]);
  });

  it("refuses a sale by owners of less than two thirds of the shares, allows exactly two thirds (R6)", () => {
    const state = coOwned("shares", [
      [1, 3],
      [1, 3],
      [1, 3],
    ]);
    expect(blocksOf(evaluateRules(saleBy("a"), state, ctx()), "R6").map((f) => f.code)).toEqual([
      "R6.TWO_THIRDS",
    ]);
    expect(blocksOf(evaluateRules(saleBy("a", "b"), state, ctx()), "R6")).toEqual([]);
  });

  it("lets a co-owner transfer only their own share alone (R6, 民法典 305)", () => {
    const state = coOwned("shares", [
      [1, 2],
      [1, 4],
      [1, 4],
    ]);
    const own = { ...saleBy("c"), ownShareOnly: true };
    expect(blocksOf(evaluateRules(own, state, ctx()), "R6")).toEqual([]);
  });

  it("refuses buyers' shares that do not sum to exactly 1 (R6)", () => {
    const buyers = (a: [number, number], b: [number, number]) =>
      draft("transfer.sale", {
        coOwnership: "shares",
        parties: [
          party("b1", "right-holder", { share: fraction(...a) }),
          party("b2", "right-holder", { share: fraction(...b) }),
          party("seller", "obligor"),
        ],
      });
    expect(blocksOf(evaluateRules(buyers([1, 3], [1, 2]), unit(), ctx()), "R6").map((f) => f.code)).toEqual([
      "R6.SHARES_NOT_ONE",
    ]);
    expect(blocksOf(evaluateRules(buyers([1, 3], [2, 3]), unit(), ctx()), "R6")).toEqual([]);
  });

  it("accepts any split of 1 into buyers' shares and refuses any that misses by one part (R6, property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }),
        fc.boolean(),
        (parts, spoil) => {
          const total = parts.reduce((a, b) => a + b, 0);
          const shares = parts.map((p) => fraction(p, total));
          if (spoil) shares[0] = fraction(parts[0]! + 1, total);
          const parties = [
            ...shares.map((share, i) => party(`b${i}`, "right-holder", { share })),
            party("seller", "obligor"),
          ];
          const findings = evaluateRules(
            draft("transfer.sale", { coOwnership: "shares", parties }),
            unit(),
            ctx(),
          );
          expect(blocksOf(findings, "R6").length).toBe(spoil ? 1 : 0);
        },
      ),
    );
  });
});
