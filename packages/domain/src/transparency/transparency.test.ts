import { describe, expect, it } from "vitest";
import { checkDecision, paymentHolds } from "./compensation";
import { anonymise, complaintTrackingNo, hasContact } from "./complaints";
import { caseRates, checkPeriod, monthPeriod } from "./figures";

describe("statistics periods", () => {
  it("takes up to 366 days and refuses 100 years, reversed or bad dates", () => {
    expect(checkPeriod("2026-01-01", "2026-12-31")).toEqual({ ok: true, days: 365 });
    expect(checkPeriod("2024-01-01", "2024-12-31")).toEqual({ ok: true, days: 366 });
    expect(checkPeriod("1926-01-01", "2026-01-01").ok).toBe(false);
    expect(checkPeriod("2026-02-01", "2026-01-01").ok).toBe(false);
    expect(checkPeriod("2026-02-30", "2026-03-01").ok).toBe(false);
    expect(monthPeriod("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("turns sums into rates and averages", () => {
    expect(
      caseRates({
        submitted: 4,
        online: 3,
        registered: 2,
        instant: 1,
        on_time: 2,
        processing_seconds: 86_400 * 3,
      }),
    ).toEqual({
      submitted: 4,
      registered: 2,
      online: 3,
      instant: 1,
      onTime: 2,
      onlineRate: 75,
      instantRate: 50,
      onTimeRate: 100,
      averageDays: 1.5,
    });
    expect(
      caseRates({ submitted: 0, online: 0, registered: 0, instant: 0, on_time: 0, processing_seconds: 0 }),
    ).toMatchObject({ onlineRate: null, averageDays: null });
  });
});

describe("complaints", () => {
  it("needs a name and a mobile number", () => {
    expect(hasContact({ name: "王五", phone: "13800138000" })).toBe(true);
    expect(hasContact({ name: " ", phone: "13800138000" })).toBe(false);
    expect(hasContact({ name: "王五", phone: "" })).toBe(false);
    expect(hasContact(undefined)).toBe(false);
  });

  it("publishes without numbers or the complainant's name", () => {
    expect(anonymise("王五的证号440604198503121012，电话13800138000，等了3天", "王五")).toBe(
      "投诉人的证号******************，电话***********，等了3天",
    );
  });

  it("makes tracking numbers of office, day and 8 characters", () => {
    expect(complaintTrackingNo("440604", "2026-12-03", new Uint8Array(8))).toBe("TS44060420261203AAAAAAAA");
  });
});

describe("compensation (民法典 222, 条例 29)", () => {
  const error = { registryError: true, basis: ["civil-code-222" as const], findings: "错登" };
  it("grants only on a registry error, up to the loss, and pays the award exactly", () => {
    expect(checkDecision(error, 1000, { granted: true, awardFen: 1000, reasons: "" })).toEqual({ ok: true });
    expect(checkDecision(error, 1000, { granted: true, awardFen: 1001, reasons: "" }).ok).toBe(false);
    expect(
      checkDecision({ ...error, registryError: false }, 1000, { granted: true, awardFen: 10, reasons: "" })
        .ok,
    ).toBe(false);
    expect(
      checkDecision({ ...error, registryError: false }, 1000, { granted: false, awardFen: 0, reasons: "" })
        .ok,
    ).toBe(true);
    expect(paymentHolds({ granted: true, awardFen: 500, reasons: "" }, 500)).toBe(true);
    expect(paymentHolds({ granted: true, awardFen: 500, reasons: "" }, 400)).toBe(false);
  });
});
