import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv, type Given, given, type Http, http, uploadMaterials } from "../cases/support";
import { given as givenCertificate } from "../certificates/given";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { chinaTime, humanLine, planter } from "./support";

/** A normal day raises nothing; follow-ups and thresholds are the office supervisor's, checked. */
let env: TestEnv;
let api: Http;
let g: Given;
let plant: ReturnType<typeof planter>;
let staff: { applicant: string; acceptor: string; reviewer: string; registrar: string };

beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
  plant = planter(env);
  staff = {
    applicant: await plant.accountId("citizen.zhang"),
    acceptor: await plant.accountId("chancheng.shouli"),
    reviewer: await plant.accountId("chancheng.shenhe"),
    registrar: await plant.accountId("chancheng.dengbu"),
  };
}, 240_000);
// Set-up (a migrated, seeded server) and teardown take long on a loaded machine.
afterAll(async () => closeEnv(env), 120_000);

/** A bank's instant mortgage through the real workflow (registered by the system at submit). */
async function instantMortgage() {
  const flat = await g.flat({ holders: ["citizen.zhang"] });
  const created = await api.post("bank.gongshang", "/api/cases", {
    typeId: "mortgage.first.general",
    unitCode: flat.unitCode,
    parts: [
      {
        details: { mortgage: { amount: 50_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-101" },
        parties: [
          { role: "right-holder", account: "bank.gongshang" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
    confirm: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, "bank.gongshang", id, ["mortgage.first.general"]);
  expect((await api.post("citizen.zhang", `/api/cases/${id}/confirm`)).status).toBe(200);
  const submitted = await api.post("bank.gongshang", `/api/cases/${id}/submit`);
  expect(submitted.body.stage, JSON.stringify(submitted.body)).toBe("certified");
  return id;
}

const alertCount = async () =>
  (await env.services.db.selectFrom("integrity_alerts").select("id").execute()).length;

describe("a normal day (正常的一天)", () => {
  it("raises no alert: ordinary cases in office hours, instant mortgages, consecutive forms, the demo data", async () => {
    for (let i = 0; i < 6; i++)
      await plant.plantCase({
        typeId: "change.natural-state",
        createdBy: staff.applicant,
        lines: humanLine(staff, {
          submitted: chinaTime(4 + i, 9),
          accepted: chinaTime(3 + i, 9, 30 + i),
          reviewed: chinaTime(2 + i, 14),
          registered: chinaTime(1 + i, 10 + i),
        }),
      });
    await instantMortgage();
    await instantMortgage();
    for (const [n, holder] of [
      [1, "citizen.zhang"],
      [2, "citizen.li"],
    ] as const) {
      const cert = await givenCertificate(env).title({ holders: [holder] });
      const queued = await api.post("chancheng.fazheng", `/api/certificates/${cert.id}/prints`, {
        office: "440604",
      });
      const printed = await api.post(
        "chancheng.fazheng",
        `/api/certificate-prints/${queued.body.id}/printed`,
        {
          formSerial: `YL4406100000${n}`,
        },
      );
      expect(printed.status, JSON.stringify(printed.body)).toBe(200);
    }
    const swept = await env.services.supervision.alerts.sweep();
    expect(swept.offices).toBeGreaterThan(1);
    const raised = await env.services.db.selectFrom("integrity_alerts").selectAll().execute();
    expect(raised, JSON.stringify(raised)).toEqual([]);
    expect(swept.raised).toBe(0);
    expect((await api.get("foshan.ducha", "/api/supervision/alerts")).body.alerts).toEqual([]);
  });
});

describe("follow-up (跟进) and thresholds, with bad input", () => {
  it("lets the office's supervisor assign, explain and close an alert with a reason; nobody else", async () => {
    const same = await plant.plantCase({
      typeId: "change.holder-id",
      createdBy: staff.applicant,
      lines: humanLine(
        { ...staff, registrar: staff.acceptor },
        {
          submitted: chinaTime(3, 9),
          accepted: chinaTime(2, 10),
          reviewed: chinaTime(2, 11),
          registered: chinaTime(1, 10),
        },
      ),
    });
    expect((await api.post("foshan.ducha", "/api/supervision/offices/440604/alerts/evaluate")).body).toEqual({
      raised: 1,
    });
    const [alert] = (await api.get("foshan.ducha", "/api/supervision/alerts?status=open")).body.alerts;
    expect(alert).toMatchObject({ rule: "same-person", caseIds: [same], status: "open" });
    const url = `/api/supervision/alerts/${alert.id}/follow-up`;

    // Not a supervisor, or a supervisor of another city: as if the alert did not exist; nothing changes.
    for (const who of ["chancheng.shouli", "chancheng.admin", "suihua.ducha", "citizen.zhang"]) {
      const refused = await api.post(who, url, { action: "close-justified", note: "无问题" });
      expect(refused.status, who).toBe(404);
      expect(refused.body.code).toBe("AUTH.FORBIDDEN");
      expect(refused.body.message_zh).toBeTruthy();
    }
    expect((await api.get("chancheng.shouli", `/api/supervision/alerts/${alert.id}`)).status).toBe(404);
    const noReason = await api.post("foshan.ducha", url, { action: "close-justified", note: " " });
    expect(noReason.status).toBe(409);
    expect(noReason.body.code).toBe("SUPERVISION.FOLLOW_UP_REFUSED");
    expect((await api.post("foshan.ducha", url, { action: "assign", note: "请说明" })).status).toBe(409);
    expect((await api.post("foshan.ducha", url, { action: "shred", note: "x" })).status).toBe(400);
    const untouched = await api.get("foshan.ducha", `/api/supervision/alerts/${alert.id}`);
    expect(untouched.body).toMatchObject({ alert: { status: "open" }, followUps: [] });

    const assigned = await api.post("foshan.ducha", url, {
      action: "assign",
      note: "请说明",
      assignee: staff.acceptor,
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.alert).toMatchObject({ status: "assigned", assignee: staff.acceptor });
    await api.post("foshan.ducha", url, { action: "explain", note: "登簿员当日请假，经科长批准代为登簿" });
    const closed = await api.post("foshan.ducha", url, {
      action: "close-justified",
      note: "有审批记录，情况属实",
    });
    expect(closed.body.alert.status).toBe("justified");
    expect(closed.body.followUps.map((f: { action: string }) => f.action)).toEqual([
      "assign",
      "explain",
      "close-justified",
    ]);
    const again = await api.post("foshan.ducha", url, { action: "escalate", note: "再次" });
    expect(again.status).toBe(409);
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("target_id", "=", alert.id)
      .orderBy("id")
      .execute();
    expect(audit.filter((a) => a.outcome === "success").map((a) => a.action)).toEqual([
      "supervision.alert.assign",
      "supervision.alert.explain",
      "supervision.alert.close-justified",
    ]);
    // The same pattern is not raised twice by a later sweep.
    expect(
      (await api.post("foshan.ducha", "/api/supervision/offices/440604/alerts/evaluate")).body.raised,
    ).toBe(0);
  });

  it("refuses a threshold of -1, out of range, unknown or in the wrong order, and a non-supervisor; nothing changes", async () => {
    const url = "/api/supervision/offices/440604/thresholds";
    const before = (await api.get("foshan.ducha", url)).body;
    expect(before.thresholds.find((t: { name: string }) => t.name === "samePartyCases")).toMatchObject({
      value: 8,
      default: 8,
      own: false,
    });
    for (const body of [
      { samePartyCases: -1 },
      { queryUnits: 0 },
      { fastPercent: 12.5 },
      { noSuchThing: 3 },
      { officeStartHour: 19 },
    ]) {
      const bad = await api.put("foshan.ducha", url, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.code).toBe("SUPERVISION.THRESHOLD_INVALID");
      expect(bad.body.details.findings[0].message_zh).toBeTruthy();
    }
    expect((await api.put("foshan.ducha", url, { queryUnits: "many" })).status).toBe(400);
    const clerk = await api.put("chancheng.shouli", url, { samePartyCases: 3 });
    expect(clerk.status).toBe(404);
    expect((await api.get("foshan.ducha", url)).body).toEqual(before);
    expect(await env.services.db.selectFrom("integrity_thresholds").selectAll().execute()).toEqual([]);
    expect(await alertCount()).toBe(1);
  });
});
