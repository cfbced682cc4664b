import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyRegister } from "../../src/register/verify";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { closeEnv, type Given, given, givenTaxCleared, type Http, http, uploadMaterials } from "./support";

/**
 * Check at commit under a real race: a court's instant seizure and the registrar's registration of
 * a transfer of the same unit, fired at the same moment, 100 times. Both may be registered only
 * when the seizure's entry comes strictly after the transfer's (the seizure then binds the new
 * holder's unit); when the seizure comes first the transfer is refused at commit (R7). On PGlite
 * the pool has one connection and the requests serialise; on PostgreSQL they really race.
 */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  // Hundreds of requests per minute from the same accounts: lift the per-account rate limit.
  env = await startTestEnv({ YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE: "1000000" });
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const RUNS = 100;

async function prepare(run: number) {
  const flat = await g.flat();
  // The transfer: filed, accepted, reviewed, taxes cleared — waiting for 登簿.
  const created = await api.post("citizen.li", "/api/cases", {
    typeId: "transfer.sale",
    unitCode: flat.unitCode,
    parts: [
      {
        details: { coOwnership: "sole" },
        parties: [
          { role: "right-holder", account: "citizen.li" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
  });
  const transfer = created.body.id as string;
  await uploadMaterials(api, "citizen.li", transfer, ["transfer.sale"]);
  for (const who of ["citizen.li", "citizen.zhang"]) await api.post(who, `/api/cases/${transfer}/confirm`);
  await api.post("citizen.li", `/api/cases/${transfer}/submit`);
  expect((await api.post("chancheng.shouli", `/api/cases/${transfer}/accept`)).status).toBe(200);
  expect((await api.post("chancheng.shenhe", `/api/cases/${transfer}/review`)).status).toBe(200);
  await givenTaxCleared(env, transfer);
  // The court's seizure: filed with its documents, to be submitted (instant) in the race.
  const court = await g.institutionId("court.chancheng");
  const seizureCase = await api.post("court.chancheng", "/api/cases", {
    typeId: "seizure.seize",
    unitCode: flat.unitCode,
    parts: [
      {
        details: {
          seizure: {
            court,
            deliveredAt: `2026-11-24T10:00:${String(run % 60).padStart(2, "0")}+08:00`,
            periodStart: "2026-11-24",
            periodEnd: "2029-11-23",
          },
          documentNo: `(2026)粤0604执${run}号`,
        },
        parties: [
          { role: "instructing-authority", account: "court.chancheng" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
    confirm: true,
  });
  const seizure = seizureCase.body.id as string;
  await uploadMaterials(api, "court.chancheng", seizure, ["seizure.seize"]);
  return { unitCode: flat.unitCode, transfer, seizure };
}

describe("a seizure and a transfer of the same unit race (check at commit)", () => {
  it(`never registers both unless the seizure came strictly after the transfer (${RUNS} runs)`, {
    timeout: 600_000,
  }, async () => {
    const outcomes = { transferFirst: 0, seizureFirst: 0 };
    for (let run = 0; run < RUNS; run++) {
      const c = await prepare(run);
      // Who starts first alternates, with a jitter of a few milliseconds, so both orders occur.
      const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 4)));
      const register = async () => {
        if (run % 2 === 1) await jitter();
        return api.post("chancheng.dengbu", `/api/cases/${c.transfer}/register`);
      };
      const seize = async () => {
        if (run % 2 === 0) await jitter();
        return api.post("court.chancheng", `/api/cases/${c.seizure}/submit`);
      };
      const [registered, seized] = await Promise.all([register(), seize()]);
      // The court's seizure is always registered (a seizure on a sold unit is still recorded).
      expect(seized.status, JSON.stringify(seized.body)).toBe(200);
      expect(seized.body.stage).toBe("registered");
      const seizureSeq = seized.body.entries[0] as number;
      if (registered.status === 200) {
        const transferSeq = registered.body.entries[0] as number;
        expect(seizureSeq).toBeGreaterThan(transferSeq);
        outcomes.transferFirst += 1;
      } else {
        expect(registered.status, JSON.stringify(registered.body)).toBe(409);
        expect(registered.body.details.findings.map((f: { code: string }) => f.code)).toContain(
          "R7.UNIT_SEIZED",
        );
        outcomes.seizureFirst += 1;
      }
      // The register agrees: the ledger order and the projections tell the same story.
      const entries = await env.services.db
        .selectFrom("register_entries")
        .select(["seq", "kind"])
        .where("unit_code", "=", c.unitCode)
        .where("kind", "in", ["right.create", "seizure.create"])
        .orderBy("seq")
        .execute();
      const kinds = entries.map((e) => e.kind);
      expect(kinds[0]).toBe("right.create");
      if (registered.status === 200) expect(kinds.slice(1)).toEqual(["right.create", "seizure.create"]);
      else expect(kinds.slice(1)).toEqual(["seizure.create"]);
    }
    expect(outcomes.transferFirst + outcomes.seizureFirst).toBe(RUNS);
    // Replaying the whole ledger gives exactly the projections the racing transactions left.
    expect((await verifyRegister(env.services.db)).problems).toEqual([]);
    console.log(`race outcomes over ${RUNS} runs (${env.services.backend}):`, outcomes);
  });
});
