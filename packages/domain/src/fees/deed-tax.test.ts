import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateDeedTax, DEED_TAX_RULES_2024, type DeedTaxInput } from "./deed-tax";
import { yuan } from "./money";

const sale = (over: Partial<DeedTaxInput>): DeedTaxInput => ({
  baseFen: yuan(2_000_000),
  areaSqm: 100,
  use: "residential",
  buyer: "individual",
  transfer: "sale",
  householdHomesBefore: 0,
  onDate: "2025-03-01",
  ...over,
});

const amountOf = (input: DeedTaxInput) => {
  const r = calculateDeedTax(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("deed tax from 2024-12-01 (公告2024年第16号)", () => {
  it("only home up to 140 m²: 1 %", () => {
    const a = amountOf(sale({ areaSqm: 140, householdHomesBefore: 0 }));
    expect(a).toMatchObject({
      category: "only-home",
      rateBp: 100,
      amountFen: yuan(20_000),
      aboveThreshold: false,
    });
  });
  it("only home above 140 m²: 1.5 %", () => {
    const a = amountOf(sale({ areaSqm: 140.01, householdHomesBefore: 0 }));
    expect(a).toMatchObject({
      category: "only-home",
      rateBp: 150,
      amountFen: yuan(30_000),
      aboveThreshold: true,
    });
  });
  it("second home up to 140 m²: 1 %", () => {
    const a = amountOf(sale({ areaSqm: 89.5, householdHomesBefore: 1 }));
    expect(a).toMatchObject({ category: "second-home", rateBp: 100, amountFen: yuan(20_000) });
  });
  it("second home above 140 m²: 2 %", () => {
    const a = amountOf(sale({ areaSqm: 180, householdHomesBefore: 1 }));
    expect(a).toMatchObject({ category: "second-home", rateBp: 200, amountFen: yuan(40_000) });
  });
  it("third home: the local rate, 3 % by default and configurable", () => {
    expect(amountOf(sale({ householdHomesBefore: 2 }))).toMatchObject({ category: "standard", rateBp: 300 });
    const r = calculateDeedTax(sale({ householdHomesBefore: 5 }), {
      ...DEED_TAX_RULES_2024,
      localRateBp: 400,
    });
    expect(r.ok && r.value.amountFen).toBe(yuan(80_000));
  });
  it("non-residential property and organisations pay the local rate", () => {
    expect(amountOf(sale({ use: "non-residential" })).rateBp).toBe(300);
    expect(amountOf(sale({ buyer: "organisation" })).rateBp).toBe(300);
  });
  it("a gift of a home is not a purchase: local rate", () => {
    expect(amountOf(sale({ transfer: "gift" })).category).toBe("standard");
  });
  it("is exempt between spouses and for inheritance by statutory heirs", () => {
    expect(amountOf(sale({ transfer: "between-spouses" }))).toMatchObject({
      category: "exempt",
      amountFen: 0,
    });
    expect(amountOf(sale({ transfer: "inheritance", statutoryHeir: true }))).toMatchObject({ amountFen: 0 });
  });
  it("taxes a bequest to someone who is not a statutory heir", () => {
    expect(amountOf(sale({ transfer: "inheritance", statutoryHeir: false })).rateBp).toBe(300);
    expect(amountOf(sale({ transfer: "bequest" })).rateBp).toBe(300);
  });
  it("rounds half up to the fen, with integer arithmetic only", () => {
    // 1 234 567.89 yuan × 1.5 % = 18 518.518 35 → 18 518.52
    expect(amountOf(sale({ baseFen: 123_456_789, areaSqm: 150 })).amountFen).toBe(1_851_852);
    // 0.50 fen rounds up: 50 fen × 1 % = 0.5 fen → 1 fen
    expect(amountOf(sale({ baseFen: 50 })).amountFen).toBe(1);
  });
  it("refuses invalid input and dates before the rules applied, with every finding at once", () => {
    const r = calculateDeedTax(sale({ baseFen: 1.5, areaSqm: 0, householdHomesBefore: -1 }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.map((f) => f.code)).toEqual(["TAX.BAD_BASE", "TAX.BAD_AREA", "TAX.BAD_HOME_COUNT"]);
    const old = calculateDeedTax(sale({ onDate: "2024-11-30" }));
    expect(!old.ok && old.error[0]!.code).toBe("TAX.RULES_NOT_COVERED");
  });
  it("property: the amount is base × rate rounded half up, and never more than the base", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100),
        fc.integer({ min: 0, max: 4 }),
        (base, area, homes) => {
          const a = amountOf(sale({ baseFen: base, areaSqm: area, householdHomesBefore: homes }));
          const exact = (BigInt(base) * BigInt(a.rateBp) * 2n + 10_000n) / 20_000n;
          expect(BigInt(a.amountFen)).toBe(exact);
          expect(a.amountFen).toBeLessThanOrEqual(base);
          expect(Number.isSafeInteger(a.amountFen)).toBe(true);
        },
      ),
    );
  });
});
