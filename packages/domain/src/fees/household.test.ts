import { describe, expect, it } from "vitest";
import { householdOf, isMinor } from "./household";
import { formatFen, parseYuan } from "./money";

describe("the household whose homes count (buyer, spouse, minor children)", () => {
  it("counts a child as a minor until the day before the 18th birthday", () => {
    expect(isMinor("2007-03-02", "2025-03-01")).toBe(true);
    expect(isMinor("2007-03-01", "2025-03-01")).toBe(false);
    expect(isMinor("2008-02-29", "2026-02-28")).toBe(true);
  });
  it("keeps the buyer, the spouse and minor children, and drops adult children", () => {
    const h = householdOf(
      {
        buyer: { personKey: "b", birthDate: "1980-01-01" },
        spouse: { personKey: "s", birthDate: "1982-01-01" },
        children: [
          { personKey: "c1", birthDate: "2015-06-01" },
          { personKey: "c2", birthDate: "2001-06-01" },
        ],
      },
      "2025-03-01",
    );
    expect(h.members.map((m) => m.personKey)).toEqual(["b", "s", "c1"]);
    expect(h.adultChildrenExcluded).toBe(1);
  });
});

describe("money in fen", () => {
  it("parses and formats yuan without floats", () => {
    expect(parseYuan("0.1")).toBe(10);
    expect(parseYuan("19999999.99")).toBe(1_999_999_999);
    expect(parseYuan("1.234")).toBeUndefined();
    expect(formatFen(1_851_852)).toBe("18518.52");
    expect(formatFen(5)).toBe("0.05");
  });
});
