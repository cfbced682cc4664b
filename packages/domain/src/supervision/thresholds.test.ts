import { describe, expect, it } from "vitest";
import { followUp } from "./follow-up";
import { checkThresholds, defaultThresholds, thresholdsOf } from "./thresholds";

describe("integrity thresholds", () => {
  it("fills an office's own values over the documented defaults", () => {
    expect(thresholdsOf({ samePartyCases: 12 })).toEqual({ ...defaultThresholds(), samePartyCases: 12 });
    expect(defaultThresholds()).toMatchObject({
      fastPercent: 20,
      officeStartHour: 8,
      officeEndHour: 18,
      windowDays: 30,
    });
  });

  it("refuses -1, fractions, unknown names and an office that closes before it opens", () => {
    const current = defaultThresholds();
    const codes = (changes: Record<string, number>) => {
      const r = checkThresholds(current, changes);
      return r.ok ? [] : r.error.map((f) => f.code);
    };
    expect(codes({ samePartyCases: -1 })).toEqual(["SUPERVISION.THRESHOLD_RANGE"]);
    expect(codes({ fastPercent: 2.5 })).toEqual(["SUPERVISION.THRESHOLD_RANGE"]);
    expect(codes({ nonsense: 1 })).toEqual(["SUPERVISION.THRESHOLD_UNKNOWN"]);
    expect(codes({ officeStartHour: 18 })).toEqual(["SUPERVISION.THRESHOLD_RANGE"]);
    expect(checkThresholds(current, { officeStartHour: 9, queryUnits: 50 })).toEqual({
      ok: true,
      value: { ...current, officeStartHour: 9, queryUnits: 50 },
    });
  });
});

describe("alert follow-up", () => {
  it("moves open → assigned → explained → closed, with a reason at each step, and never reopens", () => {
    expect(followUp("open", "assign", { note: "请核实", assignee: "a" })).toEqual({
      ok: true,
      value: "assigned",
    });
    expect(followUp("assigned", "explain", { note: "已说明情况" })).toEqual({ ok: true, value: "explained" });
    expect(followUp("explained", "close-justified", { note: "理由充分" })).toEqual({
      ok: true,
      value: "justified",
    });
    expect(followUp("open", "escalate", { note: "移交纪检" })).toEqual({ ok: true, value: "escalated" });
    const refused = (r: ReturnType<typeof followUp>) => (r.ok ? null : r.error[0]?.code);
    expect(refused(followUp("justified", "explain", { note: "再说明" }))).toBe("SUPERVISION.ALERT_CLOSED");
    expect(refused(followUp("open", "close-justified", { note: " " }))).toBe("SUPERVISION.REASON_REQUIRED");
    expect(refused(followUp("open", "assign", { note: "请核实" }))).toBe("SUPERVISION.ASSIGNEE_REQUIRED");
  });
});
