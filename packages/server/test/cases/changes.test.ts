import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyRegister } from "../../src/register/verify";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { closeEnv, type Given, given, type Http, http, uploadMaterials } from "./support";

/** 变更登记 through the staff flow: what the register and the new certificate then say. */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

async function fileAndRegister(typeId: string, unitCode: string, parts: unknown[], signers: string[]) {
  const created = await api.post(signers[0]!, "/api/cases", { typeId, unitCode, parts });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, signers[0]!, id, [typeId]);
  for (const who of signers) expect((await api.post(who, `/api/cases/${id}/confirm`)).status).toBe(200);
  expect((await api.post(signers[0]!, `/api/cases/${id}/submit`)).status).toBe(200);
  for (const [who, action] of [
    ["chancheng.shouli", "accept"],
    ["chancheng.shenhe", "review"],
    ["chancheng.dengbu", "register"],
  ] as const) {
    const r = await api.post(who, `/api/cases/${id}/${action}`);
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return id;
}

const certificateOf = async (caseId: string) =>
  env.services.db
    .selectFrom("certificates")
    .select(["number", "data"])
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();

describe("change registrations (变更登记)", () => {
  it("records a corrected floor area on the unit and prints it on the new certificate (自然状况变更)", async () => {
    const flat = await g.flat();
    const id = await fileAndRegister(
      "change.natural-state",
      flat.unitCode,
      [
        {
          details: { unit: { buildingArea: 101.2, innerArea: 82 } },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
      ["citizen.zhang"],
    );
    const unit = await env.services.db
      .selectFrom("units")
      .select(["building_area", "inner_area"])
      .where("unit_code", "=", flat.unitCode)
      .executeTakeFirstOrThrow();
    expect([Number(unit.building_area), Number(unit.inner_area)]).toEqual([101.2, 82]);
    const certificate = await certificateOf(id);
    expect(JSON.stringify(certificate.data)).toContain("房屋建筑面积 101.2㎡");
    const kinds = await env.services.db
      .selectFrom("register_entries")
      .select("kind")
      .where("unit_code", "=", flat.unitCode)
      .orderBy("seq")
      .execute();
    expect(kinds.map((k) => k.kind).slice(-2)).toEqual(["unit.update", "right.create"]);
  });

  it("draws the parcel plan (附图页) from the register's survey on a certificate issued through a case", async () => {
    const flat = await g.flat({ surveyed: true });
    const id = await fileAndRegister(
      "change.natural-state",
      flat.unitCode,
      [
        {
          details: { unit: { buildingArea: 99.1 } },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
      ["citizen.zhang"],
    );
    const row = await env.services.db
      .selectFrom("certificates")
      .select("plans")
      .where("case_id", "=", id)
      .executeTakeFirstOrThrow();
    const plan = (
      row.plans as { parcel?: { units: string; features: Array<{ role: string; label?: string }> } }
    ).parcel;
    expect(plan?.units).toBe("degrees");
    expect(plan?.features.map((f) => [f.role, f.label])).toEqual([
      ["subject", flat.parcelCode.slice(12)],
      ["neighbour", "1座"],
    ]);
    // An unsurveyed parcel: no plan page.
    const bare = await g.flat();
    const plain = await fileAndRegister(
      "change.natural-state",
      bare.unitCode,
      [
        {
          details: { unit: { buildingArea: 99.2 } },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
      ["citizen.zhang"],
    );
    const none = await env.services.db
      .selectFrom("certificates")
      .select("plans")
      .where("case_id", "=", plain)
      .executeTakeFirstOrThrow();
    expect(none.plans).toEqual({});
  });

  it("changes joint ownership into shares when every co-owner applies (共有性质变更, R6)", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang", "citizen.chen"], coOwnership: "1" });
    await fileAndRegister(
      "change.co-ownership",
      flat.unitCode,
      [
        {
          details: { coOwnership: "shares" },
          parties: [
            { role: "right-holder", account: "citizen.zhang", share: "3/5" },
            { role: "right-holder", account: "citizen.chen", share: "2/5" },
          ],
        },
      ],
      ["citizen.zhang", "citizen.chen"],
    );
    const current = await env.services.db
      .selectFrom("rights")
      .innerJoin("right_holders", (j) =>
        j
          .onRef("right_holders.unit_code", "=", "rights.unit_code")
          .onRef("right_holders.right_seq", "=", "rights.seq"),
      )
      .select(["rights.co_ownership", "right_holders.name", "right_holders.share"])
      .where("rights.unit_code", "=", flat.unitCode)
      .where("rights.status", "=", "current")
      .orderBy("right_holders.ordinal")
      .execute();
    expect(current.map((r) => [r.co_ownership, r.name, r.share])).toEqual([
      ["2", "张伟", "3/5"],
      ["2", "陈静", "2/5"],
    ]);
    expect((await verifyRegister(env.services.db)).problems).toEqual([]);
  });
});
