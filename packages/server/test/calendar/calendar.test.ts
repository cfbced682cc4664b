import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe("holiday calendar (R23, R24)", () => {
  it("is seeded from chinese-days with the official 2026 schedule", async () => {
    const res = await env.app.inject({ url: "/api/calendar/holidays?year=2026" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.official).toBe(true);
    expect(body.days).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: "2026-10-01", kind: "off", name: "国庆节" }),
        expect.objectContaining({ date: "2026-02-17", kind: "off", name: "春节" }),
      ]),
    );
    expect(body.days.some((d: { kind: string }) => d.kind === "work")).toBe(true);
  });

  it("counts working days over the National Day week", async () => {
    // 2026-09-30 (Wed) + 1 working day skips the 10-01..10-07 holiday.
    const res = await env.app.inject({ url: "/api/calendar/deadline?from=2026-09-30&workingDays=1" });
    expect(res.json()).toEqual({ date: "2026-10-08", provisional: false });
  });

  it("flags a deadline reaching 2027 as provisional instead of treating 2027 as all working days", async () => {
    const res = await env.app.inject({ url: "/api/calendar/deadline?from=2026-12-24&workingDays=30" });
    const body = res.json();
    expect(body.provisional).toBe(true);
    expect(body.date > "2027-01-01").toBe(true);
    const year = await env.app.inject({ url: "/api/calendar/holidays?year=2027" });
    expect(year.json().official).toBe(false);
  });

  it("reports the missing schedule for the workbench's warning", async () => {
    const res = await env.app.inject({ url: "/api/calendar/status" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scheduledYears).toContain(2026);
    // Run in December 2026 or during 2027: 2027 is missing until an administrator enters it.
    if (body.today >= "2026-12-01" && body.today < "2028-01-01") {
      expect(body.missingYears).toContain(2027);
      expect(body.warning).toBe(true);
    }
  });
});
