import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, fromDayNumber, isIsoDate, toDayNumber } from "./iso-date";

describe("ISO dates", () => {
  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
    expect(isIsoDate("2025-01-01T00:00:00Z")).toBe(false);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek("2025-10-01")).toBe(3);
    expect(dayOfWeek("2027-01-01")).toBe(5);
    expect(dayOfWeek("1949-10-01")).toBe(6);
  });

  it("round-trips day numbers for any date from 1800 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber("1800-01-01"), max: toDayNumber("2200-12-31") }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
        expect(isIsoDate(fromDayNumber(n))).toBe(true);
      }),
    );
  });
});
