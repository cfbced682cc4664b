import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv, type Given, given, type Http, http } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const unitOf = (who: string, code: string, purpose?: string) =>
  api.get(who, `/api/register/units/${code}${purpose ? `?purpose=${encodeURIComponent(purpose)}` : ""}`);

const lastBasis = async (username: string, code: string) => {
  const accountId = await g.accountId(username);
  const row = await env.services.db
    .selectFrom("audit_log")
    .select(["details", "purpose"])
    .where("actor_id", "=", accountId)
    .where("action", "=", "register.unit.read")
    .where("target_id", "=", code)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return { basis: (row.details as { basis?: string }).basis, purpose: row.purpose };
};

describe("R30: interested parties and state organs", () => {
  it("shows a mortgagee bank the unit in full, and another institution only the public view", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const before = await unitOf("bank.gongshang", flat.unitCode);
    expect(before.body.view).toBe("public");
    expect(before.body.rights).toBeNull();

    await g.mortgage(flat.unitCode);
    const bank = await unitOf("bank.gongshang", flat.unitCode);
    expect(bank.body.view).toBe("full");
    expect(bank.body.rights[0].holders[0].name).toBe("张伟");
    expect(bank.body.encumbrances.map((e: { kind: string }) => e.kind)).toEqual(["mortgage"]);
    expect(await lastBasis("bank.gongshang", flat.unitCode)).toMatchObject({ basis: "interested" });

    const agent = await unitOf("agent.anju", flat.unitCode);
    expect(agent.body.view).toBe("public");
    expect(agent.body.flags.mortgaged).toBe(true);
    expect(agent.body.encumbrances).toBeNull();
  });

  it("lets a court read a unit in full with its stated purpose, and one it has seized without", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    expect((await unitOf("court.chancheng", flat.unitCode)).body.view).toBe("public");
    const history = await api.get("court.chancheng", `/api/register/units/${flat.unitCode}/history`);
    expect(history.status).toBe(404);

    const purpose = "（2026）粤0604执123号 执行查询";
    const official = await unitOf("court.chancheng", flat.unitCode, purpose);
    expect(official.body.view).toBe("full");
    expect(await lastBasis("court.chancheng", flat.unitCode)).toEqual({ basis: "official", purpose });
    const withPurpose = await api.get(
      "court.chancheng",
      `/api/register/units/${flat.unitCode}/history?purpose=${encodeURIComponent(purpose)}`,
    );
    expect(withPurpose.status).toBe(200);
    // A bank cannot claim a purpose to see a unit it has no interest in.
    expect((await unitOf("bank.gongshang", flat.unitCode, "贷前调查")).body.view).toBe("public");

    await g.seizure(flat.unitCode);
    const seized = await unitOf("court.chancheng", flat.unitCode);
    expect(seized.body.view).toBe("full");
    expect(seized.body.encumbrances[0]).toMatchObject({
      kind: "seizure",
      holderName: "佛山市禅城区人民法院",
    });
    expect(await lastBasis("court.chancheng", flat.unitCode)).toMatchObject({ basis: "interested" });
  });
});

describe("按证书号查单元 (unit by certificate number)", () => {
  it("finds the unit of a title certificate in either bracket style, and says when it is no longer current", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const number = flat.certificateNo!;
    const found = await api.get(
      "court.chancheng",
      `/api/register/units/by-certificate?number=${encodeURIComponent(number)}`,
    );
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toEqual({ number, unitCode: flat.unitCode, kind: "certificate", status: "current" });
    const halfWidth = number.replace("（", "(").replace("）", ") ");
    const again = await api.get(
      "bank.gongshang",
      `/api/register/units/by-certificate?number=${encodeURIComponent(halfWidth)}`,
    );
    expect(again.body.unitCode).toBe(flat.unitCode);

    await g.transferred({ unitCode: flat.unitCode, rightSeq: flat.rightSeq! }, "citizen.li", new Date());
    const old = await api.get(
      "court.chancheng",
      `/api/register/units/by-certificate?number=${encodeURIComponent(number)}`,
    );
    expect(old.body.status).toBe("void");
  });

  it("refuses a malformed number with 400 and an unknown one with 404, auditing the miss", async () => {
    const bad = await api.get("court.chancheng", "/api/register/units/by-certificate?number=abc");
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("REGISTER.INVALID_CERTIFICATE_NUMBER");
    expect(bad.body.message_en).toBeTruthy();
    const unknown = "粤（2025）佛山市不动产权第9999999号";
    const missing = await api.get(
      "court.chancheng",
      `/api/register/units/by-certificate?number=${encodeURIComponent(unknown)}`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("REGISTER.CERTIFICATE_NOT_FOUND");
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select("outcome")
      .where("action", "=", "register.unit.by-certificate")
      .where("target_id", "=", unknown)
      .execute();
    expect(audit).toEqual([{ outcome: "denied" }]);
  });
});

describe("抵押物/查封清单 (restrictions an institution holds)", () => {
  it("lists a bank's live mortgages with what else weighs on the collateral, and whether it changed hands", async () => {
    const quiet = await g.flat({ holders: ["citizen.zhang"] });
    const troubled = await g.flat({ holders: ["citizen.zhang"] });
    await g.mortgage(quiet.unitCode, { at: new Date("2025-01-01T00:00:00Z") });
    await g.mortgage(troubled.unitCode, { at: new Date("2025-01-01T00:00:00Z") });
    await g.seizure(troubled.unitCode);
    await g.transferred(
      { unitCode: troubled.unitCode, rightSeq: troubled.rightSeq! },
      "citizen.li",
      new Date(),
    );

    const list = await api.get("bank.gongshang", "/api/register/restrictions/held?kind=mortgage");
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const byUnit = new Map(
      list.body.restrictions.map((r: { unitCode: string }) => [r.unitCode, r] as const),
    ) as Map<
      string,
      { alsoOnUnit: Record<string, unknown>; transferredSince: boolean; restriction: { kind: string } }
    >;
    expect(byUnit.get(quiet.unitCode)).toMatchObject({
      restriction: { kind: "mortgage" },
      alsoOnUnit: { seized: false, objection: false, otherMortgages: 0 },
      transferredSince: false,
    });
    expect(byUnit.get(troubled.unitCode)).toMatchObject({
      alsoOnUnit: { seized: true, otherMortgages: 0 },
      transferredSince: true,
    });

    const seizures = await api.get("court.chancheng", "/api/register/restrictions/held?kind=seizure");
    expect(seizures.body.restrictions.map((r: { unitCode: string }) => r.unitCode)).toContain(
      troubled.unitCode,
    );
    expect(
      seizures.body.restrictions.every(
        (r: { restriction: { kind: string } }) => r.restriction.kind === "seizure",
      ),
    ).toBe(true);
    // Another institution holds nothing; staff have the register itself.
    expect((await api.get("agent.anju", "/api/register/restrictions/held")).body.restrictions).toEqual([]);
    expect((await api.get("chancheng.shouli", "/api/register/restrictions/held")).status).toBe(404);
    expect((await api.get("bank.gongshang", "/api/register/restrictions/held?kind=loan")).status).toBe(400);
  });
});
