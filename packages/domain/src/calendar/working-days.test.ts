import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, fromDayNumber, toDayNumber } from "./iso-date";
import {
  addWorkingDays,
  buildHolidayCalendar,
  calendarPeriodEnd,
  type HolidayRow,
  isWorkingDay,
  workingDaysBetween,
} from "./working-days";

const range = (from: string, to: string, kind: "off" | "work", name: string): HolidayRow[] => {
  const rows: HolidayRow[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) rows.push({ date, kind, name });
  return rows;
};

/** The State Council schedules for 2025 (国办发明电〔2024〕12号) and 2026, as in chinese-days@1.5.7. */
const OFFICIAL = buildHolidayCalendar(
  [
    ...range("2025-01-01", "2025-01-01", "off", "元旦"),
    ...range("2025-01-28", "2025-02-04", "off", "春节"),
    ...range("2025-04-04", "2025-04-06", "off", "清明节"),
    ...range("2025-05-01", "2025-05-05", "off", "劳动节"),
    ...range("2025-05-31", "2025-06-02", "off", "端午节"),
    ...range("2025-10-01", "2025-10-08", "off", "国庆节、中秋节"),
    ...["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"].flatMap((d) =>
      range(d, d, "work", "调休"),
    ),
    ...range("2026-01-01", "2026-01-03", "off", "元旦"),
    ...range("2026-02-15", "2026-02-23", "off", "春节"),
    ...range("2026-04-04", "2026-04-06", "off", "清明节"),
    ...range("2026-05-01", "2026-05-05", "off", "劳动节"),
    ...range("2026-06-19", "2026-06-21", "off", "端午节"),
    ...range("2026-09-25", "2026-09-27", "off", "中秋节"),
    ...range("2026-10-01", "2026-10-07", "off", "国庆节"),
    ...["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"].flatMap((d) =>
      range(d, d, "work", "调休"),
    ),
  ],
  [2025, 2026],
);

describe("isWorkingDay (R24)", () => {
  it("treats statutory holidays on weekdays as days off", () => {
    expect(isWorkingDay(OFFICIAL, "2025-10-01")).toBe(false);
    expect(isWorkingDay(OFFICIAL, "2026-02-17")).toBe(false);
  });

  it("treats adjusted weekend working days (调休) as working days", () => {
    expect(isWorkingDay(OFFICIAL, "2025-01-26")).toBe(true);
    expect(isWorkingDay(OFFICIAL, "2025-09-28")).toBe(true);
  });

  it("treats ordinary weekends as off and ordinary weekdays as working", () => {
    expect(isWorkingDay(OFFICIAL, "2025-03-08")).toBe(false);
    expect(isWorkingDay(OFFICIAL, "2025-03-09")).toBe(false);
    expect(isWorkingDay(OFFICIAL, "2025-03-12")).toBe(true);
  });

  it("still treats weekends as off in a year without a schedule", () => {
    expect(isWorkingDay(OFFICIAL, "2027-01-02")).toBe(false);
    expect(isWorkingDay(OFFICIAL, "2027-01-04")).toBe(true);
  });
});

describe("addWorkingDays (R23)", () => {
  it.each([
    ["2025-01-02", 30, "2025-02-19"],
    ["2025-09-26", 5, "2025-10-10"],
    ["2025-09-15", 30, "2025-10-31"],
    ["2026-02-12", 5, "2026-02-26"],
    ["2026-09-18", 15, "2026-10-15"],
  ])("counts from %s plus %i working days to %s, matching chinese-days", (start, n, expected) => {
    expect(addWorkingDays(OFFICIAL, start, n)).toEqual({ date: expected, provisional: false });
  });

  it("does not count the day of acceptance", () => {
    expect(addWorkingDays(OFFICIAL, "2025-03-10", 1).date).toBe("2025-03-11");
  });

  it("skips the National Day week for a case accepted the day before", () => {
    expect(addWorkingDays(OFFICIAL, "2025-09-30", 1).date).toBe("2025-10-09");
  });

  it("returns the start itself for zero days", () => {
    expect(addWorkingDays(OFFICIAL, "2025-10-01", 0)).toEqual({ date: "2025-10-01", provisional: false });
  });

  it("flags a deadline that runs into 2027, which has no official schedule, as provisional", () => {
    expect(addWorkingDays(OFFICIAL, "2026-12-15", 30).provisional).toBe(true);
    expect(addWorkingDays(OFFICIAL, "2026-11-02", 5).provisional).toBe(false);
  });

  it("counts only weekends as off in an unscheduled year instead of treating it as all working days", () => {
    // 2027-01-01 is a Friday; without a schedule New Year's Day counts, the weekend does not.
    expect(addWorkingDays(OFFICIAL, "2026-12-31", 2)).toEqual({ date: "2027-01-04", provisional: true });
  });

  it("refuses a negative or fractional count as a programmer error", () => {
    expect(() => addWorkingDays(OFFICIAL, "2025-01-02", -1)).toThrow(RangeError);
    expect(() => addWorkingDays(OFFICIAL, "2025-01-02", 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(OFFICIAL, "2025-13-02", 1)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first date up to and including the second", () => {
    expect(workingDaysBetween(OFFICIAL, "2025-09-30", "2025-10-09")).toEqual({ days: 1, provisional: false });
    expect(workingDaysBetween(OFFICIAL, "2025-10-09", "2025-09-30")).toEqual({
      days: -1,
      provisional: false,
    });
    expect(workingDaysBetween(OFFICIAL, "2025-10-09", "2025-10-09").days).toBe(0);
  });

  it("flags counts that touch a year without a schedule", () => {
    expect(workingDaysBetween(OFFICIAL, "2026-12-01", "2027-01-10").provisional).toBe(true);
  });
});

describe("calendarPeriodEnd (R24, 民法典 201, 203)", () => {
  it("starts counting the day after the start", () => {
    expect(calendarPeriodEnd(OFFICIAL, "2025-09-10", 15)).toEqual({ date: "2025-09-25", provisional: false });
  });

  it("moves a last day that falls in the National Day holiday to the next working day", () => {
    expect(calendarPeriodEnd(OFFICIAL, "2025-09-20", 15).date).toBe("2025-10-09");
  });

  it("moves a last day on an ordinary Sunday to Monday", () => {
    expect(calendarPeriodEnd(OFFICIAL, "2025-03-01", 15).date).toBe("2025-03-17");
  });

  it("keeps a last day that falls on an adjusted working Sunday", () => {
    expect(calendarPeriodEnd(OFFICIAL, "2025-09-13", 15).date).toBe("2025-09-28");
  });

  it("computes the 90-day 预告 lapse", () => {
    expect(calendarPeriodEnd(OFFICIAL, "2025-07-04", 90).date).toBe("2025-10-09");
  });

  it("is provisional when its last day falls in 2027", () => {
    expect(calendarPeriodEnd(OFFICIAL, "2026-12-20", 15)).toEqual({ date: "2027-01-04", provisional: true });
  });
});

const day2025to2027 = fc
  .integer({ min: toDayNumber("2025-01-01"), max: toDayNumber("2027-12-31") })
  .map(fromDayNumber);
const count = fc.integer({ min: 0, max: 120 });

describe("working-day properties", () => {
  it("lands on a working day after the start", () => {
    fc.assert(
      fc.property(day2025to2027, fc.integer({ min: 1, max: 120 }), (start, n) => {
        const { date } = addWorkingDays(OFFICIAL, start, n);
        expect(isWorkingDay(OFFICIAL, date)).toBe(true);
        expect(date > start).toBe(true);
      }),
    );
  });

  it("is monotonic in the number of days and in the start date", () => {
    fc.assert(
      fc.property(day2025to2027, day2025to2027, count, count, (a, b, n, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [few, many] = n <= m ? [n, m] : [m, n];
        expect(addWorkingDays(OFFICIAL, early, few).date <= addWorkingDays(OFFICIAL, early, many).date).toBe(
          true,
        );
        expect(addWorkingDays(OFFICIAL, early, n).date <= addWorkingDays(OFFICIAL, late, n).date).toBe(true);
      }),
    );
  });

  it("is undone by workingDaysBetween", () => {
    fc.assert(
      fc.property(day2025to2027, count, (start, n) => {
        const { date } = addWorkingDays(OFFICIAL, start, n);
        expect(workingDaysBetween(OFFICIAL, start, date).days).toBe(n);
      }),
    );
  });

  it("is provisional exactly when a date from start to deadline lies in 2027 or later", () => {
    fc.assert(
      fc.property(day2025to2027, count, (start, n) => {
        const result = addWorkingDays(OFFICIAL, start, n);
        expect(result.provisional).toBe(result.date >= "2027-01-01");
      }),
    );
  });

  it("ends calendar periods on a working day no earlier than the nominal last day", () => {
    fc.assert(
      fc.property(day2025to2027, fc.integer({ min: 1, max: 120 }), (start, days) => {
        const { date } = calendarPeriodEnd(OFFICIAL, start, days);
        expect(isWorkingDay(OFFICIAL, date)).toBe(true);
        expect(date >= addDays(start, days)).toBe(true);
      }),
    );
  });
});
