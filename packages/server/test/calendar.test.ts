import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "./support/test-services";

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

  it("lets an administrator enter the 2027 schedule, which moves deadlines and ends the provisional flag", async () => {
    const cookie = await loginAs(env.app, "chancheng.admin");
    const before = (
      await env.app.inject({ url: "/api/calendar/deadline?from=2026-12-31&workingDays=1" })
    ).json();
    expect(before).toEqual({ date: "2027-01-01", provisional: true });
    const put = await env.app.inject({
      method: "PUT",
      url: "/api/calendar/holidays/2027-01-01",
      headers: { cookie },
      payload: { kind: "off", name: "元旦" },
    });
    expect(put.statusCode).toBe(204);
    const publish = await env.app.inject({
      method: "PUT",
      url: "/api/calendar/years/2027",
      headers: { cookie },
    });
    expect(publish.statusCode).toBe(204);
    const after = (
      await env.app.inject({ url: "/api/calendar/deadline?from=2026-12-31&workingDays=1" })
    ).json();
    expect(after).toEqual({ date: "2027-01-04", provisional: false });
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "target_id"])
      .where("action", "like", "calendar.%")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "calendar.set-day", target_id: "2027-01-01" },
      { action: "calendar.publish-year", target_id: "2027" },
    ]);
  });

  it("refuses calendar edits by anyone but an administrator", async () => {
    const clerk = await loginAs(env.app, "chancheng.shouli");
    const res = await env.app.inject({
      method: "PUT",
      url: "/api/calendar/holidays/2027-02-10",
      headers: { cookie: clerk },
      payload: { kind: "off", name: "春节" },
    });
    expect(res.statusCode).toBe(404);
    const anon = await env.app.inject({
      method: "PUT",
      url: "/api/calendar/holidays/2027-02-10",
      payload: { kind: "off", name: "春节" },
    });
    expect(anon.statusCode).toBe(401);
  });
});
