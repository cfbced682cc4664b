import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { closeEnv, type Given, given, type Http, http, PDF, uploadMaterials } from "./support";

let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
  // Migrating and seeding a fresh database takes over a minute when the machine is shared.
}, 300_000);
afterAll(async () => closeEnv(env));

const DEED_NO = "（2026）粤佛禅城证字第1234号";
const deed = (over: Record<string, string> = {}) => ({
  deedNo: DEED_NO,
  fileName: "继承权公证书.pdf",
  mediaType: "application/pdf",
  contentBase64: PDF,
  ...over,
});
const countCases = async () =>
  Number(
    (
      await env.services.db
        .selectFrom("cases")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("公证机构代办: a notary files an inheritance with its notarial deed in one step", () => {
  it("creates the case and stores the deed as the material that stands for the will; the heir confirms and it is submitted", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const filing = {
      typeId: "transfer.inheritance",
      unitCode: flat.unitCode,
      parts: [{ details: { coOwnership: "sole" }, parties: [{ role: "heir", account: "citizen.li" }] }],
      deed: deed(),
    };
    // Only a notary files this way; bad input changes nothing.
    const before = await countCases();
    const byBank = await api.post("bank.gongshang", "/api/notary/filings", filing);
    expect(byBank).toMatchObject({ status: 403, body: { code: "NOTARY.NOT_NOTARY" } });
    const notPdf = await api.post("notary.chancheng", "/api/notary/filings", {
      ...filing,
      deed: deed({ contentBase64: Buffer.from("not a pdf").toString("base64") }),
    });
    expect(notPdf).toMatchObject({ status: 415, body: { code: "CASE.MATERIAL_TYPE" } });
    const badNo = await api.post("notary.chancheng", "/api/notary/filings", {
      ...filing,
      deed: deed({ deedNo: "1234" }),
    });
    expect(badNo).toMatchObject({ status: 400, body: { code: "NOTARY.INVALID" } });
    const sale = await api.post("notary.chancheng", "/api/notary/filings", {
      ...filing,
      typeId: "transfer.sale",
    });
    expect(sale.status).toBe(400);
    // A party that does not resolve fails inside the transaction: no case without its deed, no deed without its case.
    const unknownParty = await api.post("notary.chancheng", "/api/notary/filings", {
      ...filing,
      parts: [{ parties: [{ role: "heir", account: "nobody.here" }] }],
    });
    expect(unknownParty.status).toBeGreaterThanOrEqual(400);
    expect(unknownParty.status).toBeLessThan(500);
    expect(await countCases()).toBe(before);

    const filed = await api.post("notary.chancheng", "/api/notary/filings", filing);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id as string;
    expect(filed.body.deed).toMatchObject({ deedNo: DEED_NO, sm3: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // The notary and the heir both see it, with the deed among its materials.
    for (const who of ["notary.chancheng", "citizen.li"]) {
      const view = await api.get(who, `/api/cases/${id}`);
      expect(view.status).toBe(200);
      expect(view.body.typeId).toBe("transfer.inheritance");
    }
    const materials = await env.services.db
      .selectFrom("case_materials")
      .select(["material_id", "document_no", "file_sm3"])
      .where("case_id", "=", id)
      .execute();
    expect(materials).toEqual([
      { material_id: "notarial-deed", document_no: DEED_NO, file_sm3: filed.body.deed.sm3 },
    ]);

    // The deed stands for the will / heirs' agreement (实施细则 第14条): with the other materials
    // the R25 check no longer asks for a will.
    await uploadMaterials(
      api,
      "notary.chancheng",
      id,
      ["transfer.inheritance"],
      ["will", "heirs-agreement", "legal-document", "administrator-declaration"],
    );
    expect((await api.post("citizen.li", `/api/cases/${id}/confirm`)).status).toBe(200);
    const findings = await api.get("notary.chancheng", `/api/cases/${id}/findings`);
    const codes = findings.body.findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain("MATERIAL.will");
    const submitted = await api.post("notary.chancheng", `/api/cases/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.stage).toBe("submitted");
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", id)
      .where("action", "=", "case.notary-filing")
      .execute();
    expect(audit).toHaveLength(1);
  });
});
