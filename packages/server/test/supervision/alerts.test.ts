import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv, type Http, http } from "../cases/support";
import { given as givenCertificate } from "../certificates/given";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { chinaTime, humanLine, planter, unitCode } from "./support";

/**
 * 廉防预警: each integrity and risk rule, planted in the tables the workflow writes, raises its
 * alert with the evidence (cases, timeline lines, audit rows) when the office is evaluated.
 */
let env: TestEnv;
let api: Http;
let plant: ReturnType<typeof planter>;
let staff: { applicant: string; acceptor: string; reviewer: string; registrar: string; agent: string };

beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  plant = planter(env);
  staff = {
    applicant: await plant.accountId("citizen.zhang"),
    acceptor: await plant.accountId("chancheng.shouli"),
    reviewer: await plant.accountId("chancheng.shenhe"),
    registrar: await plant.accountId("chancheng.dengbu"),
    agent: await plant.accountId("agent.anju"),
  };
}, 240_000);
// Set-up (a migrated, seeded server) and teardown take long on a loaded machine.
afterAll(async () => closeEnv(env), 120_000);

/** Evaluates the office as its supervisor and returns the alerts of one rule. */
async function alertsOf(rule: string, office = "440604") {
  const run = await api.post("foshan.ducha", `/api/supervision/offices/${office}/alerts/evaluate`);
  expect(run.status, JSON.stringify(run.body)).toBe(200);
  const list = await api.get("foshan.ducha", `/api/supervision/alerts?rule=${rule}`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  return (list.body.alerts as Array<{ office: string }>).filter((a) => a.office === office) as Array<{
    id: string;
    office: string;
    caseIds: string[];
    transitionIds: string[];
    auditIds: string[];
    figures: Record<string, unknown>;
    summary_zh: string;
    status: string;
  }>;
}

const ordinary = (daysAgo: number, registeredAfterDays = 2) => ({
  submitted: chinaTime(daysAgo + registeredAfterDays + 1, 9),
  accepted: chinaTime(daysAgo + registeredAfterDays, 10),
  reviewed: chinaTime(daysAgo + 1, 11),
  registered: chinaTime(daysAgo, 15),
});

describe("integrity alerts (廉防预警)", () => {
  it("办理时长: a case registered far faster than its type's median, with its audit rows", async () => {
    const people = { ...staff };
    for (let i = 0; i < 5; i++)
      await plant.plantCase({
        typeId: "change.natural-state",
        createdBy: staff.applicant,
        lines: humanLine(people, ordinary(3 + i, 4)),
      });
    const fast = await plant.plantCase({
      typeId: "change.natural-state",
      createdBy: staff.applicant,
      lines: humanLine(people, {
        submitted: chinaTime(2, 9),
        accepted: chinaTime(2, 10),
        reviewed: chinaTime(2, 10, 20),
        registered: chinaTime(2, 10, 40),
      }),
    });
    const alerts = await alertsOf("fast-handling");
    expect(alerts.map((a) => a.caseIds)).toEqual([[fast]]);
    expect(alerts[0]?.figures).toMatchObject({ sample: 6 });
    expect(alerts[0]?.auditIds.length).toBe(4);
  });

  it("非工作时间: a person registering at 22:30 raises one; the system's instant registration at night does not", async () => {
    const late = await plant.plantCase({
      typeId: "change.holder-name",
      createdBy: staff.applicant,
      lines: humanLine(staff, { ...ordinary(2), registered: chinaTime(1, 22, 30) }),
    });
    await plant.plantCase({
      typeId: "mortgage.first.general",
      createdBy: staff.agent,
      instant: true,
      lines: [
        {
          action: "submit",
          from: "draft",
          to: "submitted",
          by: staff.agent,
          role: "applicant",
          at: chinaTime(1, 23),
        },
        { action: "auto", from: "submitted", to: "accepted", by: null, role: "system", at: chinaTime(1, 23) },
        { action: "auto", from: "accepted", to: "reviewed", by: null, role: "system", at: chinaTime(1, 23) },
        {
          action: "auto",
          from: "reviewed",
          to: "registered",
          by: null,
          role: "system",
          at: chinaTime(1, 23),
        },
      ],
    });
    const alerts = await alertsOf("off-hours");
    expect(alerts.map((a) => a.caseIds)).toEqual([[late]]);
    expect(alerts[0]?.figures).toMatchObject({ actor: staff.registrar, hour: 22 });
    expect(alerts[0]?.transitionIds).toHaveLength(1);
  });

  it("受理与登簿同一人: accepted and registered by the same account", async () => {
    const same = await plant.plantCase({
      typeId: "change.holder-id",
      createdBy: staff.applicant,
      lines: humanLine({ ...staff, registrar: staff.acceptor }, ordinary(2)),
    });
    const alerts = await alertsOf("same-person");
    expect(alerts.map((a) => a.caseIds)).toEqual([[same]]);
    expect(alerts[0]?.transitionIds).toHaveLength(2);
  });

  it("环节跳过: a timeline that goes from accepted straight to registered", async () => {
    const skipped = await plant.plantCase({
      typeId: "change.use-or-term",
      createdBy: staff.applicant,
      lines: humanLine(staff, ordinary(2))
        .filter((l) => l.action !== "review")
        .map((l) => (l.action === "register" ? { ...l, from: "accepted" } : l)),
    });
    const alerts = await alertsOf("stage-order");
    expect(alerts.map((a) => a.caseIds)).toEqual([[skipped]]);
    expect(alerts[0]?.figures).toMatchObject({ action: "register", from: "accepted" });
  });

  it("同一申请人: one clerk accepting the same person's cases again and again, per the office's threshold", async () => {
    const office = "440605";
    const acceptor = await plant.accountId("nanhai.shouli");
    const people = { ...staff, acceptor, reviewer: await plant.accountId("nanhai.shenhe") };
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = await plant.plantCase({
        office,
        typeId: "change.co-ownership",
        createdBy: i % 2 === 0 ? staff.applicant : staff.agent,
        lines: humanLine({ ...people, registrar: await plant.accountId("nanhai.dengbu") }, ordinary(2 + i)),
      });
      await plant.plantParty(id, "a".repeat(64), "王*", staff.agent);
      ids.push(id);
    }
    // Above the office's own threshold of 10 nothing is raised; at the default of 8 it is.
    expect(
      (await api.put("foshan.ducha", `/api/supervision/offices/${office}/thresholds`, { samePartyCases: 10 }))
        .status,
    ).toBe(200);
    expect(await alertsOf("same-party", office)).toEqual([]);
    expect(
      (await api.put("foshan.ducha", `/api/supervision/offices/${office}/thresholds`, { samePartyCases: 8 }))
        .status,
    ).toBe(200);
    const alerts = await alertsOf("same-party", office);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.caseIds).toEqual([...ids].sort());
    expect(alerts[0]?.summary_zh).toContain("王*");
    expect(alerts[0]?.figures).toMatchObject({ clerk: acceptor, cases: 8 });
  });

  it("查询无关联案件: an account reading 20 units of the office in a day without a case on them", async () => {
    const bank = await plant.accountId("bank.gongshang");
    const own = unitCode();
    await plant.plantCase({
      typeId: "mortgage.first.general",
      unit: own,
      createdBy: bank,
      lines: humanLine(staff, ordinary(2)),
    });
    const loose = Array.from({ length: 19 }, () => unitCode());
    await plant.plantReads(bank, [own, ...loose], chinaTime(1, 11));
    expect(await alertsOf("query-no-case")).toEqual([]);
    await plant.plantReads(bank, [unitCode()], chinaTime(1, 11, 30));
    const alerts = await alertsOf("query-no-case");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.figures).toMatchObject({ account: bank, units: 20 });
  });

  it("风险: same unit transferred twice within 180 days, a mortgage 5 days after the purchase, a certificate before the tax", async () => {
    const unit = unitCode();
    const first = await plant.plantCase({
      typeId: "transfer.sale",
      unit,
      createdBy: staff.applicant,
      lines: humanLine(staff, ordinary(20)),
    });
    await plant.plantTaxCleared(first, chinaTime(22, 9));
    const second = await plant.plantCase({
      typeId: "transfer.sale",
      unit,
      createdBy: staff.agent,
      lines: [
        ...humanLine(staff, ordinary(8)),
        {
          action: "certify",
          from: "registered",
          to: "certified",
          by: staff.registrar,
          role: "issuer",
          at: chinaTime(8, 16),
        },
      ],
    });
    await plant.plantTaxCleared(second, chinaTime(7, 9));
    const mortgage = await plant.plantCase({
      typeId: "mortgage.first.general",
      unit,
      createdBy: staff.agent,
      lines: humanLine(staff, ordinary(3)),
    });
    expect((await alertsOf("transfer-twice")).map((a) => a.caseIds)).toContainEqual([first, second]);
    expect((await alertsOf("mortgage-after-purchase")).map((a) => a.caseIds)).toContainEqual([
      second,
      mortgage,
    ]);
    const tax = await alertsOf("certificate-before-tax");
    expect(tax.map((a) => a.caseIds)).toEqual([[second]]);
    expect(tax[0]?.figures.taxClearedAt).toBeTruthy();
  });

  it("证书纸张: three spoiled forms by one clerk in a day, and a serial skipped between two used forms", async () => {
    const cert = await givenCertificate(env).title({ holders: ["citizen.zhang"] });
    const other = await givenCertificate(env).title({ holders: ["citizen.li"] });
    const print = async (certificateId: string, formSerial: string) => {
      const queued = await api.post("chancheng.fazheng", `/api/certificates/${certificateId}/prints`, {
        office: "440604",
      });
      expect(queued.status, JSON.stringify(queued.body)).toBe(200);
      const printed = await api.post(
        "chancheng.fazheng",
        `/api/certificate-prints/${queued.body.id}/printed`,
        {
          formSerial,
        },
      );
      expect(printed.status, JSON.stringify(printed.body)).toBe(200);
      return queued.body.id as string;
    };
    for (const n of [1, 2, 3]) {
      const id = await print(cert.id, `YL4406000000${n}`);
      expect(
        (await api.post("chancheng.fazheng", `/api/certificate-prints/${id}/withdraw`, { note: "卡纸" }))
          .status,
      ).toBe(200);
    }
    await print(cert.id, "YL44060000004");
    await print(other.id, "YL44060000007");
    const spoiled = await alertsOf("form-spoiled");
    expect(spoiled).toHaveLength(1);
    expect(spoiled[0]?.figures).toMatchObject({
      clerk: await plant.accountId("chancheng.fazheng"),
      spoiled: 3,
    });
    expect(spoiled[0]?.summary_zh).toContain("YL44060000001");
    const missing = await alertsOf("form-missing");
    expect(missing.map((a) => a.figures)).toEqual([
      { from: "YL44060000005", to: "YL44060000006", missing: 2 },
    ]);
  });
});
