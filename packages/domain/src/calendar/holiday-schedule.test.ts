import { describe, expect, it } from "vitest";
import { parseHolidayCsv, validateHolidaySchedule } from "./holiday-schedule";

const codes = (r: { ok: boolean; error?: Array<{ code: string }> }) =>
  r.ok ? [] : r.error!.map((p) => p.code);

describe("a year's holiday schedule", () => {
  it("accepts holidays and weekend working days of the year, sorted", () => {
    const r = validateHolidaySchedule(2027, [
      { date: "2027-10-01", kind: "off", name: "国庆节" },
      { date: "2027-01-01", kind: "off", name: "元旦" },
      { date: "2027-09-26", kind: "work", name: "调休上班" },
    ]);
    expect(r.ok && r.value.map((d) => d.date)).toEqual(["2027-01-01", "2027-09-26", "2027-10-01"]);
  });

  it("refuses a day listed twice, a day outside the year, a day both off and work, a weekday 调休", () => {
    expect(
      codes(
        validateHolidaySchedule(2027, [
          { date: "2027-01-01", kind: "off", name: "元旦" },
          { date: "2027-01-01", kind: "off", name: "元旦" },
        ]),
      ),
    ).toEqual(["DUPLICATE_DAY"]);
    expect(codes(validateHolidaySchedule(2027, [{ date: "2026-12-31", kind: "off", name: "x" }]))).toEqual([
      "OUTSIDE_YEAR",
    ]);
    expect(
      codes(
        validateHolidaySchedule(2027, [
          { date: "2027-02-06", kind: "off", name: "春节" },
          { date: "2027-02-06", kind: "work", name: "调休上班" },
        ]),
      ),
    ).toEqual(["OFF_AND_WORK"]);
    // 2027-02-03 is a Wednesday.
    expect(codes(validateHolidaySchedule(2027, [{ date: "2027-02-03", kind: "work", name: "x" }]))).toEqual([
      "WORK_NOT_WEEKEND",
    ]);
    expect(codes(validateHolidaySchedule(2027, [{ date: "2027-02-30", kind: "off", name: "x" }]))).toEqual([
      "INVALID_DATE",
    ]);
    expect(codes(validateHolidaySchedule(2027, []))).toEqual(["EMPTY"]);
  });

  it("reads CSV with a header, Chinese kinds and full-width commas; reports bad lines by number", () => {
    const r = parseHolidayCsv("\uFEFF日期,类型,名称\n2027-01-01,放假,元旦\n\n# 调休\n2027-02-06，上班\n");
    expect(r).toEqual({
      ok: true,
      value: [
        { date: "2027-01-01", kind: "off", name: "元旦" },
        { date: "2027-02-06", kind: "work", name: "调休上班" },
      ],
    });
    expect(parseHolidayCsv("2027-01-01,holiday,元旦\n2027-01-02")).toMatchObject({
      ok: false,
      error: [
        { code: "INVALID_LINE", line: 1 },
        { code: "INVALID_LINE", line: 2 },
      ],
    });
  });
});
