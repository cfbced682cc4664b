import { generateCreditCode } from "@yulin/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEffectsScheduler } from "../../src/cases/effects.scheduler";
import { systemContext } from "../../src/platform/audit/audit";
import { verifyRegister } from "../../src/register/verify";
import { DEMO_PASSWORD, startTestEnv, type TestEnv } from "../support/test-services";
import { closeEnv, type Given, given, type Http, http, uploadMaterials } from "./support";

/**
 * Time-driven effects (R8, R9, R11, R12, R18) are written as register entries by a scheduler whose
 * work is in the database: a scheduler started afresh (a restarted process) finds what is due.
 */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const status = async (seq: string | number) =>
  env.services.db
    .selectFrom("encumbrances")
    .select(["status", "end_reason"])
    .where("seq", "=", Number(seq))
    .executeTakeFirstOrThrow();

async function courtSeizure(unitCode: string, deliveredAt: string, periodEnd: string) {
  const court = await g.institutionId("court.chancheng");
  const created = await api.post("court.chancheng", "/api/cases", {
    typeId: "seizure.seize",
    unitCode,
    parts: [
      {
        details: { seizure: { court, deliveredAt, periodStart: deliveredAt.slice(0, 10), periodEnd } },
        parties: [{ role: "instructing-authority", account: "court.chancheng" }],
      },
    ],
    confirm: true,
  });
  await uploadMaterials(api, "court.chancheng", created.body.id, ["seizure.seize"]);
  const submitted = await api.post("court.chancheng", `/api/cases/${created.body.id}/submit`);
  expect(submitted.body.stage, JSON.stringify(submitted.body)).toBe("registered");
  return submitted.body.entries[0] as number;
}

describe("time-driven effects (scheduler)", () => {
  it("lapses an expired seizure and makes the waiting one effective, once, even after a restart (R8, R9)", async () => {
    const flat = await g.flat();
    const first = await courtSeizure(flat.unitCode, "2026-11-24T09:00:00+08:00", "2026-12-31");
    const second = await courtSeizure(flat.unitCode, "2026-11-24T10:00:00+08:00", "2029-11-23");
    expect((await status(second)).status).toBe("waiting");
    const pending = await env.services.db
      .selectFrom("scheduled_effects")
      .selectAll()
      .where("unit_code", "=", flat.unitCode)
      .execute();
    expect(pending.map((p) => [p.kind, p.due_on, p.status])).toEqual([
      ["seizure", "2027-01-01", "pending"],
      ["seizure", "2029-11-24", "pending"],
    ]);

    // On its last day the seizure still holds (it ends at 24:00, R24).
    expect(await env.services.cases.scheduler.sweep({ today: "2026-12-31" })).toMatchObject({
      units: 0,
      entries: 0,
    });

    // A scheduler of a freshly started process finds the work in the database.
    const restarted = createEffectsScheduler({
      db: env.services.db,
      now: () => new Date(),
      calendar: () => env.services.calendar.loadCalendar(),
      officeSettings: (code) => ({ code, allowsCommitments: false }),
    });
    const swept = await restarted.sweep({ today: "2027-01-01" });
    expect(swept).toMatchObject({ units: 1, entries: 1, failed: 0 });
    expect(await status(first)).toMatchObject({ status: "historic" });
    expect((await status(first)).end_reason).toContain("查封期限届满失效");
    expect((await status(second)).status).toBe("effective");
    const entries = await env.services.db
      .selectFrom("register_entries")
      .select(["kind", "body"])
      .where("unit_code", "=", flat.unitCode)
      .orderBy("seq", "desc")
      .limit(1)
      .execute();
    expect(entries[0]!.kind).toBe("seizure.cancel");
    expect((await restarted.watermark())?.swept_through).toBe("2027-01-01");

    // Time acts once: sweeping the same day again writes nothing.
    expect(await restarted.sweep({ today: "2027-01-01" })).toMatchObject({ entries: 0 });
  });

  it("lapses an objection after 15 days without a lawsuit; the same objection is then not accepted again (R12)", async () => {
    const flat = await g.flat();
    const objection = await g.objection(flat.unitCode, {
      by: "citizen.chen",
      matter: "权属",
      grounds: "出资证明",
      at: new Date("2026-10-01T02:00:00Z"),
    });
    const summary = await env.services.cases.scheduler.sweepAll({ today: "2026-11-24" });
    expect(summary.entries).toBeGreaterThanOrEqual(1);
    expect(await status(objection)).toMatchObject({ status: "historic" });
    expect((await status(objection)).end_reason).toContain("异议登记失效");
    const again = await api.post("citizen.chen", "/api/cases", {
      typeId: "objection.create",
      unitCode: flat.unitCode,
      parts: [
        {
          details: { objection: { matter: "权属", grounds: "出资证明" } },
          parties: [{ role: "interested-party", account: "citizen.chen" }],
        },
      ],
      confirm: true,
    });
    await uploadMaterials(api, "citizen.chen", again.body.id, ["objection.create"]);
    const submitted = await api.post("citizen.chen", `/api/cases/${again.body.id}/submit`);
    expect(
      submitted.body.findings
        .filter((f: { rule: string; severity: string }) => f.rule === "R12" && f.severity === "block")
        .map((f: { code: string }) => f.code),
    ).toEqual(["R12.REPEATED"]);
  });

  it("ends a habitation right at its term and lapses an advance notice 90 days after registration became possible (R18, R11)", async () => {
    const flat = await g.flat();
    const habitation = await g.habitation(flat.unitCode, { termEnd: "2026-10-31" });
    const notice = await g.advanceNotice(flat.unitCode, { registrablePossibleOn: "2026-06-01" });
    await env.services.cases.scheduler.sweepAll({ today: "2026-11-24" });
    expect((await status(habitation)).end_reason).toContain("居住权期限届满");
    expect((await status(notice)).end_reason).toContain("预告登记失效");
    // Time's entries replay like any other: the ledger rebuilds the same projections.
    expect((await verifyRegister(env.services.db)).problems).toEqual([]);
  });

  it("tells each mortgagee bank when a waiting seizure becomes effective, and no bank without a mortgage (R8)", async () => {
    // A third bank on the platform, with its account, beside the demo's 工商银行 and 建设银行.
    const creditCode = generateCreditCode({
      authority: "9",
      type: "1",
      division: "440604",
      organisation: "MA4UBK19",
    });
    const jianshe = await env.services.db
      .insertInto("institutions")
      .values({ kind: "bank", name: "中国农业银行佛山分行", credit_code: creditCode, jurisdiction: "440604" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await env.services.accounts.addAccount(systemContext("test"), {
      username: "bank.nongye",
      kind: "institution",
      displayName: "中国农业银行佛山分行",
      password: DEMO_PASSWORD,
      institutionId: jianshe.id,
      creditCode,
    });
    const seizedTwice = async (unitCode: string) => {
      await g.seizure(unitCode, { periodEnd: "2026-12-31", deliveredAt: "2026-01-01T09:00:00+08:00" });
      const waiting = await g.seizure(unitCode, {
        periodEnd: "2029-12-31",
        deliveredAt: "2026-01-01T10:00:00+08:00",
      });
      expect((await status(waiting)).status).toBe("waiting");
      return waiting;
    };
    const messagesOn = (unitCode: string) =>
      env.services.db
        .selectFrom("outbox")
        .select(["connector", "idempotency_key", "summary"])
        .where("topic", "=", "bank.collateral-event")
        .where(sql<boolean>`summary->>'unitCode' = ${unitCode}`)
        .orderBy("connector")
        .execute();

    const mortgaged = await g.flat();
    await g.mortgage(mortgaged.unitCode);
    await g.mortgage(mortgaged.unitCode, { bank: "bank.gongshang" }); // a second mortgage, same bank
    await g.mortgage(mortgaged.unitCode, { bank: "bank.nongye" });
    const waiting = await seizedTwice(mortgaged.unitCode);
    const bare = await g.flat();
    await seizedTwice(bare.unitCode);

    await env.services.cases.scheduler.sweepAll({ today: "2027-01-01" });
    expect((await status(waiting)).status).toBe("effective");
    const [cancel] = await env.services.db
      .selectFrom("register_entries")
      .select("seq")
      .where("unit_code", "=", mortgaged.unitCode)
      .where("kind", "=", "seizure.cancel")
      .execute();
    const gongshang = await g.institutionId("bank.gongshang");
    const told = await messagesOn(mortgaged.unitCode);
    expect(told.map((m) => m.connector).sort()).toEqual([`bank:${gongshang}`, `bank:${jianshe.id}`].sort());
    for (const m of told) {
      expect(m.summary).toMatchObject({
        event: "collateral-seized",
        unitCode: mortgaged.unitCode,
        caseRef: null,
      });
      expect(m.idempotency_key).toBe(`${m.connector}:register:${cancel!.seq}:collateral-seized`);
    }
    expect(await messagesOn(bare.unitCode)).toEqual([]);

    // Delivered to each simulated bank's inbox, once.
    await env.services.integrations.worker.drain();
    const inbox = await env.services.integrations.simulatorStore.get<{
      event: string;
      registerEntry: string;
    }>(
      "bank",
      `inbox:${jianshe.id}`,
      told.find((m) => m.connector === `bank:${jianshe.id}`)!.idempotency_key,
    );
    expect(inbox).toMatchObject({ event: "collateral-seized", registerEntry: String(cancel!.seq) });
  });
});
