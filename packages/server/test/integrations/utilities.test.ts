import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeEnv,
  type Given,
  given,
  givenTaxCleared,
  type Http,
  http,
  uploadMaterials,
} from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { startUtilityCompany } from "./support/utility-company";

let env: TestEnv;
let api: Http;
let g: Given;
let gas: Awaited<ReturnType<typeof startUtilityCompany>>;
let platformKey = "";
beforeAll(async () => {
  // The gas company has an HTTP interface; water, power, network and TV are simulated.
  gas = await startUtilityCompany(() => platformKey);
  env = await startTestEnv({
    YULIN_UTILITY_URLS: `gas=${gas.url}`,
    YULIN_UTILITY_KEYS: `gas=${gas.publicKey}`,
    YULIN_OUTBOX_BACKOFF_BASE_MS: "1",
    YULIN_OUTBOX_BACKOFF_MAX_MS: "1",
  });
  platformKey = env.services.integrations.signingKey.publicKey;
  api = http(env);
  g = given(env);
  // Migrating and seeding a fresh database takes over a minute when the machine is shared.
}, 300_000);
afterAll(async () => {
  await closeEnv(env);
  await gas?.close();
});

/** A sale from citizen.zhang to citizen.li, filed by the buyer, reviewed and tax-cleared. */
async function reviewedSale() {
  const flat = await g.flat({ holders: ["citizen.zhang"] });
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
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, "citizen.li", id, ["transfer.sale"]);
  for (const who of ["citizen.li", "citizen.zhang"]) await api.post(who, `/api/cases/${id}/confirm`);
  return { id, flat };
}

async function toRegistered(id: string) {
  expect((await api.post("citizen.li", `/api/cases/${id}/submit`)).status).toBe(200);
  expect((await api.post("chancheng.shouli", `/api/cases/${id}/accept`)).status).toBe(200);
  expect((await api.post("chancheng.shenhe", `/api/cases/${id}/review`)).status).toBe(200);
  await givenTaxCleared(env, id);
  const registered = await api.post("chancheng.dengbu", `/api/cases/${id}/register`);
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
}

const utilityRows = (caseId: string) =>
  env.services.db
    .selectFrom("outbox")
    .select(["id", "connector", "idempotency_key", "status", "attempts", "last_error"])
    .where("topic", "=", "utility.transfer")
    .where("idempotency_key", "like", `utility:${caseId}:%`)
    .orderBy("idempotency_key")
    .execute();

describe("1+N: utility accounts move with a registered transfer", () => {
  it("sends the buyer's chosen water and power transfers after 登簿 and shows both done", async () => {
    const { id } = await reviewedSale();
    // The seller is a party but not the buyer side: may not choose for the buyer.
    const bySeller = await api.put("citizen.zhang", `/api/cases/${id}/utilities`, {
      transfers: [{ service: "water", accountNo: "W12345678" }],
    });
    expect(bySeller.status).toBe(404);
    // Bad input: a service twice, a malformed account number: 400, nothing stored.
    const twice = await api.put("citizen.li", `/api/cases/${id}/utilities`, {
      transfers: [
        { service: "water", accountNo: "W12345678" },
        { service: "water", accountNo: "W87654321" },
      ],
    });
    expect(twice).toMatchObject({ status: 400, body: { code: "UTILITY.INVALID" } });
    const badNo = await api.put("citizen.li", `/api/cases/${id}/utilities`, {
      transfers: [{ service: "power", accountNo: "电费 户号" }],
    });
    expect(badNo).toMatchObject({ status: 400, body: { code: "UTILITY.INVALID" } });
    expect((await api.get("citizen.li", `/api/cases/${id}/utilities`)).body.transfers).toEqual([]);

    const chosen = await api.put("citizen.li", `/api/cases/${id}/utilities`, {
      transfers: [
        { service: "water", accountNo: "W12345678" },
        { service: "power", accountNo: "P0440604-77" },
      ],
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body).toMatchObject({ eligible: true, open: true, mayChoose: true });
    expect(chosen.body.transfers.map((t: { status: string }) => t.status)).toEqual(["chosen", "chosen"]);
    // Nothing goes to a company before 登簿.
    expect(await utilityRows(id)).toHaveLength(0);

    await toRegistered(id);
    // The requests exist exactly when the registration does: one per company, keyed by case and service.
    const queued = await utilityRows(id);
    expect(queued.map((r) => [r.connector, r.idempotency_key])).toEqual([
      ["utility:power", `utility:${id}:power`],
      ["utility:water", `utility:${id}:water`],
    ]);
    const after = await api.put("citizen.li", `/api/cases/${id}/utilities`, { transfers: [] });
    expect(after).toMatchObject({ status: 409, body: { code: "UTILITY.CHOICE_CLOSED" } });

    await env.services.integrations.worker.drain();
    // The registrar sees the results on the case, the buyer in the hall.
    for (const who of ["chancheng.dengbu", "citizen.li"]) {
      const seen = await api.get(who, `/api/cases/${id}/utilities`);
      expect(seen.status).toBe(200);
      expect(seen.body.open).toBe(false);
      expect(
        seen.body.transfers.map((t: { service: string; status: string }) => [t.service, t.status]),
      ).toEqual([
        ["power", "done"],
        ["water", "done"],
      ]);
      expect(seen.body.transfers.every((t: { companyRef: string | null }) => t.companyRef)).toBe(true);
    }
    // Re-delivering the same request (at-least-once) is answered from the company's record: once.
    const simulated = await env.services.integrations.simulatorStore.list("utility", "transfers:water");
    expect(simulated.filter((r) => r.key === `utility:${id}:water`)).toHaveLength(1);
  });

  it("records a company's refusal (an account it cannot find) as rejected with its reason", async () => {
    const { id } = await reviewedSale();
    await api.put("citizen.li", `/api/cases/${id}/utilities`, {
      transfers: [{ service: "tv", accountNo: "TV990000" }],
    });
    await toRegistered(id);
    await env.services.integrations.worker.drain();
    const seen = await api.get("citizen.li", `/api/cases/${id}/utilities`);
    expect(seen.body.transfers).toMatchObject([
      { service: "tv", status: "rejected", reason: expect.stringContaining("户号") },
    ]);
  });

  it("refuses a company reply with a bad signature: logged with a stable code, retried, nothing lost", async () => {
    const { id } = await reviewedSale();
    await api.put("citizen.li", `/api/cases/${id}/utilities`, {
      transfers: [{ service: "gas", accountNo: "G20250301" }],
    });
    await toRegistered(id);
    gas.state.forgeReplies = true;
    await env.services.integrations.worker.drain({ maxBatches: 1 });
    const [failed] = await utilityRows(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, connector: "utility:gas" });
    expect(failed!.last_error).toMatch(/^INTEGRATION\.REPLY_SIGNATURE_INVALID/);
    // The forged answer was not applied; the connector's health shows the failure.
    const pending = await api.get("citizen.li", `/api/cases/${id}/utilities`);
    expect(pending.body.transfers).toMatchObject([{ service: "gas", status: "requested", companyRef: null }]);
    const health = await env.services.db
      .selectFrom("connector_health")
      .select(["last_error", "consecutive_failures"])
      .where("connector", "=", "utility:gas")
      .executeTakeFirstOrThrow();
    expect(health.last_error).toMatch(/^INTEGRATION\.REPLY_SIGNATURE_INVALID/);

    // The company signs properly again: the same request (same key) is answered and applied once.
    gas.state.forgeReplies = false;
    await new Promise((r) => setTimeout(r, 5));
    await env.services.integrations.worker.drain();
    const [done] = await utilityRows(id);
    expect(done).toMatchObject({ status: "delivered", attempts: 2 });
    expect(gas.state.moved.size).toBe(1);
    const seen = await api.get("chancheng.dengbu", `/api/cases/${id}/utilities`);
    expect(seen.body.transfers).toMatchObject([
      { service: "gas", status: "done", companyRef: "GAS-1", mode: "http" },
    ]);
  });

  it("lists the five companies on the operator page (部门接口运维)", async () => {
    const connectors = await api.get("chancheng.admin", "/api/integrations/connectors");
    expect(connectors.status).toBe(200);
    const modes = Object.fromEntries(
      (connectors.body.connectors as Array<{ connector: string; mode: string }>)
        .filter((c) => c.connector.startsWith("utility:"))
        .map((c) => [c.connector, c.mode]),
    );
    expect(modes).toEqual({
      "utility:water": "simulator",
      "utility:power": "simulator",
      "utility:gas": "http",
      "utility:network": "simulator",
      "utility:tv": "simulator",
    });
  });
});
