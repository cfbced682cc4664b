import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDayNumber, toDayNumber } from "../calendar/iso-date";
import { addWorkingDays } from "../calendar/working-days";
import { requireBusinessType } from "./catalogue";
import { CALENDAR } from "./testing/given";
import { caseDeadline, caseDeadlines, classifyDeadline } from "./time-limits";

describe("caseDeadline (R23, R24)", () => {
  it("counts working days from the day after acceptance, over the National Day week", () => {
    expect(caseDeadline("2025-09-29", 3, [], CALENDAR)).toEqual({
      date: "2025-10-10",
      provisional: false,
      paused: false,
    });
  });

  it("excludes correction and announcement periods", () => {
    const pauses = [
      { kind: "correction" as const, from: "2025-03-04", to: "2025-03-06" },
      { kind: "announcement" as const, from: "2025-03-10", to: "2025-03-31" },
    ];
    // Counted: 03-03→ 03-04 (1), 03-07 (2), 03-10 (3), then 04-01 (4), 04-02 (5).
    expect(caseDeadline("2025-03-03", 5, pauses, CALENDAR).date).toBe("2025-04-02");
  });

  it("treats an open pause as lasting until asOf and says the clock is paused", () => {
    const open = [{ kind: "correction" as const, from: "2025-03-04" }];
    // 03-04 counts (the clock ran that day); 03-05 … 03-07 do not; 03-10 is the second day.
    expect(caseDeadline("2025-03-03", 2, open, CALENDAR, { asOf: "2025-03-07" })).toEqual({
      date: "2025-03-10",
      provisional: false,
      paused: true,
    });
  });

  it("is provisional when it runs into 2027, which has no official schedule yet", () => {
    expect(caseDeadline("2026-12-10", 30, [], CALENDAR).provisional).toBe(true);
  });

  it("gives the promised and statutory limits of a type", () => {
    const limits = caseDeadlines(requireBusinessType("transfer.sale"), "2025-06-09", [], CALENDAR);
    expect(limits.promised.date).toBe("2025-06-12");
    expect(limits.statutory.date).toBe("2025-07-21");
  });

  it("equals addWorkingDays without pauses, and never comes earlier with them (property)", () => {
    const day = fc
      .integer({ min: toDayNumber("2025-01-01"), max: toDayNumber("2026-11-30") })
      .map(fromDayNumber);
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 30 }),
        day,
        fc.integer({ min: 0, max: 40 }),
        (accepted, n, from, length) => {
          const plain = caseDeadline(accepted, n, [], CALENDAR);
          expect(plain.date).toBe(addWorkingDays(CALENDAR, accepted, n).date);
          const to = fromDayNumber(toDayNumber(from) + length);
          expect(
            caseDeadline(accepted, n, [{ kind: "correction", from, to }], CALENDAR).date >= plain.date,
          ).toBe(true);
        },
      ),
    );
  });
});

describe("classifyDeadline", () => {
  const deadline = { date: "2025-06-13", provisional: false, paused: false };

  it("lists overdue and due-soon cases for supervisors", () => {
    expect(classifyDeadline(deadline, "2025-06-16", CALENDAR)).toBe("overdue");
    expect(classifyDeadline(deadline, "2025-06-11", CALENDAR)).toBe("due-soon");
    expect(classifyDeadline(deadline, "2025-06-10", CALENDAR)).toBe("on-time");
    expect(classifyDeadline({ ...deadline, paused: true }, "2025-06-12", CALENDAR)).toBe("paused");
  });
});
