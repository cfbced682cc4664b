import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addFractions,
  compareFractions,
  FRACTION_ONE,
  formatFraction,
  fraction,
  fractionsEqual,
  parseFraction,
  sumFractions,
} from "./fraction";

describe("shares as exact fractions (R6)", () => {
  it("reads shares as written on applications", () => {
    expect(parseFraction("1/3")).toEqual({ numerator: 1, denominator: 3 });
    expect(parseFraction("2/4")).toEqual({ numerator: 1, denominator: 2 });
    expect(parseFraction("50%")).toEqual({ numerator: 1, denominator: 2 });
    expect(parseFraction("33.5%")).toEqual({ numerator: 67, denominator: 200 });
    expect(parseFraction("0.25")).toEqual({ numerator: 1, denominator: 4 });
    expect(parseFraction("1/0")).toBeUndefined();
    expect(parseFraction("a third")).toBeUndefined();
    expect(formatFraction(fraction(6, 8))).toBe("3/4");
  });

  it("sums three thirds to exactly 1, which floats do not", () => {
    expect(fractionsEqual(sumFractions([fraction(1, 3), fraction(1, 3), fraction(1, 3)]), FRACTION_ONE)).toBe(
      true,
    );
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(fractionsEqual(sumFractions([fraction(1, 10), fraction(2, 10)]), fraction(3, 10))).toBe(true);
  });

  it("splits 1 into any parts per N and sums back to exactly 1 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 20 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const shares = parts.map((p) => fraction(p, total));
        expect(fractionsEqual(sumFractions(shares), FRACTION_ONE)).toBe(true);
        expect(fractionsEqual(sumFractions([...shares].reverse()), FRACTION_ONE)).toBe(true);
      }),
    );
  });

  it("adds commutatively and compares consistently with addition (property)", () => {
    const f = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([n, d]) => fraction(n, d));
    fc.assert(
      fc.property(f, f, (a, b) => {
        expect(addFractions(a, b)).toEqual(addFractions(b, a));
        expect(compareFractions(addFractions(a, b), a)).toBe(b.numerator === 0 ? 0 : 1);
        // Antisymmetric; a sum, not a negation, so equal shares do not compare 0 with -0.
        expect(Math.sign(compareFractions(a, b)) + Math.sign(compareFractions(b, a))).toBe(0);
      }),
    );
  });
});
