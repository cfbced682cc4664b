import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealLog } from "../../src/integrations/national/national.connector";
import { chinaDay, createNationalSimulator } from "../../src/integrations/national/national.simulator";
import { systemContext } from "../../src/platform/audit/audit";
import { inTransaction } from "../../src/platform/db/database";
import { bankMortgageCase } from "../cases/mortgage-case";
import { closeEnv, type Given, given, type Http, http } from "../cases/support";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

/** A small seeded generator (mulberry32): the simulator's losses are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv(
    {
      YULIN_NATIONAL_SIM_ACK_DROP_RATE: "0.1",
      YULIN_NATIONAL_SIM_TIMEOUT_RATE: "0.02",
      YULIN_OUTBOX_BACKOFF_BASE_MS: "1",
      YULIN_OUTBOX_BACKOFF_MAX_MS: "5",
    },
    { nationalRandom: seeded(15) },
  );
  api = http(env);
  g = given(env);
}, 240_000);
afterAll(async () => closeEnv(env));

const national = () => env.services.integrations.national;
const worker = () => env.services.integrations.worker;

/** Delivers until no national message is pending (retries are due within milliseconds here). */
async function deliverAll() {
  for (let i = 0; i < 200; i++) {
    await worker().drain();
    const left = await env.services.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("connector", "=", "national")
      .where("status", "in", ["pending", "sending"])
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("national messages still pending");
}

/**
 * 1,000 registrations written in bulk (cases registered today, as the registering transaction
 * leaves them); `reportedShare` of them reported in the same transaction, the rest never reported.
 */
async function registerInBulk(count: number, unreportedEvery: number) {
  const { db } = env.services;
  const creator = await db
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "chancheng.dengbu")
    .executeTakeFirstOrThrow();
  const at = new Date();
  const ids: string[] = [];
  for (let start = 0; start < count; start += 250) {
    await inTransaction(db, async (tx) => {
      const rows = Array.from({ length: Math.min(250, count - start) }, (_, k) => {
        const n = start + k;
        const id = `440604-BULK-${String(n).padStart(6, "0")}`;
        ids.push(id);
        return {
          id,
          jurisdiction: "440604",
          kind: "single" as const,
          type_id: "mortgage.first.general",
          unit_code: `440604001001GB${String(n).padStart(5, "0")}F00010001`,
          stage: "registered",
          state: JSON.stringify({ stage: "registered" }),
          content_sm3: "0".repeat(64),
          created_by: creator.id,
          creator_kind: "staff",
          registered_at: at,
        };
      });
      await tx.insertInto("cases").values(rows).execute();
      await tx
        .insertInto("case_parts")
        .values(
          rows.map((r, k) => ({
            case_id: r.id,
            part_no: 0,
            type_id: r.type_id,
            entry_seqs: JSON.stringify([start + k + 1]),
          })),
        )
        .execute();
      for (const [k, r] of rows.entries()) {
        if ((start + k) % unreportedEvery === 0) continue;
        await national().reportRegistration(tx, {
          caseId: r.id,
          jurisdiction: r.jurisdiction,
          unitCode: r.unit_code,
          typeId: r.type_id,
          registeredAt: at,
          entrySeqs: [start + k + 1],
        });
      }
    });
  }
  return ids;
}

describe("登簿日志上报 national reporting", () => {
  it("reports a registration from the registering transaction", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const id = await bankMortgageCase(api, flat.unitCode);
    const submitted = await api.post("bank.gongshang", `/api/cases/${id}/submit`);
    expect(submitted.body.stage).toBe("certified");
    const report = await env.services.db
      .selectFrom("national_reports")
      .selectAll()
      .where("case_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(report.entry_seqs).toEqual(submitted.body.entries);
    expect(report.unit_code).toBe(flat.unitCode);
    expect(report.status).toBe("pending");
  });

  it("1,000 registrations, 10 % of acknowledgements lost: after reconciliation each acknowledged exactly once", async () => {
    let t = Date.now();
    const ids = await registerInBulk(1000, 10);
    const written = Date.now() - t;
    t = Date.now();
    await deliverAll();
    console.log(
      `national: 1,000 registrations written in ${written} ms, first delivery ${Date.now() - t} ms`,
    );
    const day = chinaDay(new Date());
    const rounds = [];
    for (let round = 0; round < 10; round++) {
      const r = await national().reconcile(systemContext("test"), day, { graceMinutes: 0 });
      rounds.push(r);
      if (r.outstanding === 0) break;
      await deliverAll();
    }
    // The first round reported the 100 registrations never reported and re-sent the lost ones.
    expect(rounds[0]!.reported).toBe(100);
    expect(rounds[0]!.resent).toBeGreaterThan(50);
    expect(rounds.at(-1)!.outstanding).toBe(0);
    expect(rounds.at(-1)!.registrations).toBe(1001);

    const { db } = env.services;
    const reports = await db.selectFrom("national_reports").selectAll().where("case_id", "in", ids).execute();
    expect(reports).toHaveLength(1000);
    expect(reports.every((r) => r.status === "acknowledged" && r.ack_no && r.duplicate_acks === 0)).toBe(
      true,
    );
    expect(new Set(reports.map((r) => r.ack_no)).size).toBe(1000);
    expect(reports.filter((r) => r.sends > 1).length).toBeGreaterThan(50);

    // The platform kept each report once and acknowledged it once, however often it was sent.
    const store = env.services.integrations.simulatorStore;
    const keys = new Set(ids.map((id) => `DBRZ-${id}`));
    const kept = (await store.list("national", "report")).filter((r) => keys.has(r.key));
    const acks = (await store.list("national", "ack")).filter((r) => keys.has(r.key));
    expect(kept).toHaveLength(1000);
    expect(new Set(acks.map((a) => a.key)).size).toBe(acks.length);
    expect(acks).toHaveLength(1000);
    const received = (await store.list("national", "received"))
      .filter((r) => keys.has(r.key))
      .reduce((s, r) => s + ((r.data as { count: number }).count ?? 0), 0);
    expect(received).toBeGreaterThan(1000);

    const backlog = await national().backlog(systemContext("test"));
    expect(backlog.waiting).toEqual([]);
    expect(backlog.acknowledged).toBe(1001);
  }, 240_000);

  it("refuses an acknowledgement for a report it never sent, with a stable code, and logs it", async () => {
    const bogus = { reportId: "DBRZ-440604-NEVER-SENT", ackNo: "HZ0000", ackedAt: new Date().toISOString() };
    await expect(national().acknowledge(systemContext("test"), bogus)).rejects.toMatchObject({
      code: "NATIONAL.UNKNOWN_REPORT",
    });
    // The same through the day's pulled acknowledgements: refused, the rest still recorded.
    const day = chinaDay(new Date());
    await env.services.integrations.simulatorStore.put("national", "ack", bogus.reportId, { ...bogus, day });
    const r = await national().reconcile(systemContext("test"), day, { graceMinutes: 0 });
    expect(r.acksRefused).toEqual([bogus.reportId]);
    const denied = await env.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "national.acknowledge")
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.length).toBe(2);
    expect(denied[0]!.target_id).toBe(bogus.reportId);
  });

  it("the platform rejects a malformed report for good", async () => {
    const sim = createNationalSimulator({
      store: env.services.integrations.simulatorStore,
      now: () => new Date(),
      ackDropRate: 0,
      timeoutRate: 0,
    });
    const log = sealLog({
      reportId: "DBRZ-X",
      bizNo: "X",
      areaCode: "440604",
      unitCode: "440604001001GB00001F00010001",
      registrationType: "mortgage.first.general",
      registeredAt: new Date().toISOString(),
      entrySeqs: [1],
    });
    await expect(sim.report({ ...log, entrySeqs: [2] }, "k")).rejects.toMatchObject({
      retryable: false,
      status: 400,
    });
    await expect(sim.report(log, "k")).resolves.toMatchObject({
      received: true,
      ack: { reportId: "DBRZ-X" },
    });
  });

  it("shows the backlog and runs the reconciliation for administrators only", async () => {
    const admin = await loginAs(env.app, "chancheng.admin");
    const backlog = await env.app.inject({
      method: "GET",
      url: "/api/integrations/national/backlog",
      headers: { cookie: admin },
    });
    expect(backlog.statusCode, backlog.body).toBe(200);
    expect(backlog.json()).toMatchObject({ mode: "simulator", acknowledged: 1001 });
    const day = chinaDay(new Date());
    const run = await env.app.inject({
      method: "POST",
      url: "/api/integrations/national/reconcile",
      headers: { cookie: admin },
      payload: { day },
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ day, outstanding: 0 });
    const citizen = await loginAs(env.app, "citizen.zhang");
    const refused = await env.app.inject({
      method: "GET",
      url: "/api/integrations/national/backlog",
      headers: { cookie: citizen },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe("AUTH.FORBIDDEN");
  });
});
