import { describe, expect, it } from "vitest";
import { accept, api, env, file, g, sale, startRulesServer } from "../cases/rules-support";

/**
 * 节假日安排 under four-eyes: an administrator enters or imports a year's schedule, a second one
 * approves it, and the deadlines of open cases are recomputed. The 2027 days below are a TEST
 * schedule (元旦 plus an invented week off), not the State Council's.
 */
startRulesServer();

const ADMIN = "chancheng.admin";
const SECOND_ADMIN = "nanhai.admin";

const TEST_2027 = [
  { date: "2027-01-01", kind: "off", name: "元旦" },
  ...["25", "26", "27", "28", "29"].map((d) => ({ date: `2027-01-${d}`, kind: "off", name: "测试假期" })),
  { date: "2027-01-30", kind: "work", name: "调休上班" },
];

const proposalsOf = (year: number) =>
  env.services.db.selectFrom("holiday_schedules").selectAll().where("year", "=", year).execute();
const daysOf = (year: number) =>
  env.services.db
    .selectFrom("holidays")
    .select(["date", "kind"])
    .where("date", ">=", `${year}-01-01`)
    .where("date", "<=", `${year}-12-31`)
    .execute();

describe("holiday schedules with four-eyes", () => {
  it("refuses a day listed twice, a date outside the year and a holiday that is also a working day; nothing is stored", async () => {
    const cases: Array<[string, unknown[]]> = [
      ["DUPLICATE_DAY", [TEST_2027[0], TEST_2027[0]]],
      ["OUTSIDE_YEAR", [{ date: "2026-12-31", kind: "off", name: "元旦" }]],
      [
        "OFF_AND_WORK",
        [
          { date: "2027-01-30", kind: "off", name: "测试假期" },
          { date: "2027-01-30", kind: "work", name: "调休上班" },
        ],
      ],
    ];
    for (const [code, days] of cases) {
      const res = await api.post(ADMIN, "/api/calendar/schedules", { year: 2027, sourceRef: "测试", days });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("CALENDAR.SCHEDULE_INVALID");
      expect(res.body.message_zh).toMatch(/节假日安排有误/);
      expect(res.body.details.problems.map((p: { code: string }) => p.code)).toEqual([code]);
    }
    const csv = await api.post(ADMIN, "/api/calendar/schedules/import", {
      year: 2027,
      sourceRef: "测试",
      format: "csv",
      text: "2027-01-01,放假,元旦\n2027-01-01,放假,元旦\n",
    });
    expect(csv.status).toBe(400);
    expect(csv.body.details.problems[0].code).toBe("DUPLICATE_DAY");
    const json = await api.post(ADMIN, "/api/calendar/schedules/import", {
      year: 2027,
      sourceRef: "测试",
      format: "json",
      text: "[{",
    });
    expect(json.status).toBe(400);
    expect(await proposalsOf(2027)).toEqual([]);
    expect(await daysOf(2027)).toEqual([]);
  });

  it("refuses anyone but an administrator", async () => {
    const clerk = await api.post("chancheng.shouli", "/api/calendar/schedules", {
      year: 2027,
      sourceRef: "测试",
      days: TEST_2027,
    });
    expect(clerk.status).toBe(404);
    const anon = await env.app.inject({
      method: "POST",
      url: "/api/calendar/schedules",
      payload: { year: 2027, sourceRef: "测试", days: TEST_2027 },
    });
    expect(anon.statusCode).toBe(401);
  });

  it("takes effect only when a second administrator approves, then recomputes open cases' deadlines", async () => {
    // An open case accepted on Thursday 2026-12-24: its statutory 30 working days reach into 2027.
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode));
    expect((await accept(filed.id)).status).toBe(200);
    const row = await env.services.db
      .selectFrom("cases")
      .select("state")
      .where("id", "=", filed.id)
      .executeTakeFirstOrThrow();
    await env.services.db
      .updateTable("cases")
      .set({ state: JSON.stringify({ ...(row.state as object), acceptedOn: "2026-12-24" }) })
      .where("id", "=", filed.id)
      .execute();
    const deadlines = () =>
      env.services.db
        .selectFrom("cases")
        .select(["statutory_deadline", "deadline_provisional"])
        .where("id", "=", filed.id)
        .executeTakeFirstOrThrow();

    const proposed = await api.post(ADMIN, "/api/calendar/schedules", {
      year: 2027,
      sourceRef: "测试安排 test schedule",
      days: TEST_2027,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ year: 2027, status: "pending", days: 7 });
    const again = await api.post(SECOND_ADMIN, "/api/calendar/schedules", {
      year: 2027,
      sourceRef: "测试",
      days: TEST_2027,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CALENDAR.PROPOSAL_PENDING");

    // Four-eyes: the proposer cannot approve; nothing takes effect.
    const self = await api.post(ADMIN, `/api/calendar/schedules/${proposed.body.id}/approve`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe("CALENDAR.FOUR_EYES");
    expect(await daysOf(2027)).toEqual([]);
    expect((await api.get(ADMIN, "/api/calendar/holidays?year=2027")).body.official).toBe(false);
    const pending = await api.get(SECOND_ADMIN, "/api/calendar/schedules?status=pending");
    expect(pending.body.proposals).toMatchObject([{ id: proposed.body.id, mine: false, days: TEST_2027 }]);

    // Weekends only in 2027 so far: Dec 25, 28–31 (5), Jan 1–29 (21), Feb 1–4 (4).
    const before = (
      await env.app.inject({ url: "/api/calendar/deadline?from=2026-12-24&workingDays=30" })
    ).json();
    expect(before).toEqual({ date: "2027-02-04", provisional: true });

    const approved = await api.post(SECOND_ADMIN, `/api/calendar/schedules/${proposed.body.id}/approve`, {
      note: "核对无误",
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe("approved");
    expect(approved.body.recomputedCases).toBeGreaterThanOrEqual(1);

    // With the test schedule: Jan 1 and Jan 25–29 off, Sat Jan 30 worked → Feb 11.
    const after = (
      await env.app.inject({ url: "/api/calendar/deadline?from=2026-12-24&workingDays=30" })
    ).json();
    expect(after).toEqual({ date: "2027-02-11", provisional: false });
    expect(await deadlines()).toEqual({ statutory_deadline: "2027-02-11", deadline_provisional: false });
    const view = await api.get("chancheng.shenhe", `/api/cases/${filed.id}`);
    expect(view.body.deadline).toMatchObject({ statutory: "2027-02-11", provisional: false });
    expect((await api.get(ADMIN, "/api/calendar/holidays?year=2027")).body.official).toBe(true);
    expect((await api.get(ADMIN, "/api/calendar/status")).body.missingYears).not.toContain(2027);

    const twice = await api.post(SECOND_ADMIN, `/api/calendar/schedules/${proposed.body.id}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("CALENDAR.PROPOSAL_DECIDED");

    const audit = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "target_id"])
      .where("action", "like", "calendar.schedule-%")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "calendar.schedule-proposed", target_id: proposed.body.id },
      { action: "calendar.schedule-approved", target_id: proposed.body.id },
    ]);
  });

  it("imports a CSV schedule, which the proposer may withdraw", async () => {
    const imported = await api.post(ADMIN, "/api/calendar/schedules/import", {
      year: 2028,
      sourceRef: "测试",
      format: "csv",
      text: "日期,类型,名称\n2028-01-01,放假,元旦\n",
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const withdrawn = await api.post(ADMIN, `/api/calendar/schedules/${imported.body.id}/reject`, {
      note: "录入有误",
    });
    expect(withdrawn.body).toMatchObject({ status: "rejected", recomputedCases: null });
    expect(await daysOf(2028)).toEqual([]);
    const json = await api.post(ADMIN, "/api/calendar/schedules/import", {
      year: 2028,
      sourceRef: "测试",
      format: "json",
      text: JSON.stringify({ days: [{ date: "2028-01-01", kind: "off", name: "元旦" }] }),
    });
    expect(json.status, JSON.stringify(json.body)).toBe(201);
    // A second administrator may reject it too; it never takes effect.
    const rejected = await api.post(SECOND_ADMIN, `/api/calendar/schedules/${json.body.id}/reject`);
    expect(rejected.body.status).toBe("rejected");
    expect((await api.get(ADMIN, "/api/calendar/holidays?year=2028")).body.official).toBe(false);
    const unknown = await api.post(
      ADMIN,
      "/api/calendar/schedules/00000000-0000-4000-8000-000000000000/approve",
    );
    expect(unknown.status).toBe(404);
  });
});
