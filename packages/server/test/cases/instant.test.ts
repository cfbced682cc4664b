import { generateResidentId } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { giveSimulatedLicence } from "../../src/integrations/elicence/elicence.connector";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { bankMortgageCase } from "./mortgage-case";
import { expectReceiptsHonoured } from "./receipts";
import { closeEnv, DEMO_IDS, type Given, given, type Http, http, uploadMaterials } from "./support";

let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const mortgageCase = (unitCode: string, options: { confirmBorrower?: boolean } = {}) =>
  bankMortgageCase(api, unitCode, options);

describe("instant registration (即时办结)", () => {
  it("registers and certifies a bank's mortgage at submit when every rule passes, with no human step", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const id = await mortgageCase(flat.unitCode);
    const submitted = await api.post("bank.gongshang", `/api/cases/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.instant).toEqual({ route: "automatic" });
    expect(submitted.body.stage).toBe("certified");
    expect(submitted.body.certificates).toHaveLength(1);
    expect(submitted.body.certificates[0].number).toMatch(/不动产证明第\d{7}号$/);
    // R14: the rank is shown with its basis.
    expect(submitted.body.findings.find((f: { code: string }) => f.code === "R14.RANK")).toMatchObject({
      severity: "info",
    });

    const timeline = await api.get("bank.gongshang", `/api/cases/${id}/timeline`);
    expect(timeline.body.entries.map((e: { to: string }) => e.to)).toEqual([
      "submitted",
      "accepted",
      "reviewed",
      "registered",
      "certified",
    ]);
    expect(timeline.body.entries.slice(1).every((e: { actorRole: string }) => e.actorRole === "system")).toBe(
      true,
    );

    const mortgages = await env.services.db
      .selectFrom("encumbrances")
      .selectAll()
      .where("unit_code", "=", flat.unitCode)
      .where("kind", "=", "mortgage")
      .execute();
    expect(mortgages).toHaveLength(1);
    expect(Number(mortgages[0]!.amount)).toBe(800_000);
    const view = await api.get("citizen.zhang", `/api/cases/${id}`);
    expect(view.body.certificates[0].kind).toBe("certification");
  });

  it("answers the submit with the register's signed receipt, verifiable offline and honoured by the ledger", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const id = await mortgageCase(flat.unitCode);
    const submitted = await api.post("bank.gongshang", `/api/cases/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.instant).toEqual({ route: "automatic" });
    expect(submitted.body.receipts).toHaveLength(1);
    expect(submitted.body.receipts[0].maxMergeDelayMs).toBe(60_000);
    await expectReceiptsHonoured(env, api, "chancheng.dengbu", submitted.body);
  });

  it("sends the case to a human when a party has not confirmed (R4 blocks)", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const id = await mortgageCase(flat.unitCode, { confirmBorrower: false });
    const submitted = await api.post("bank.gongshang", `/api/cases/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.stage).toBe("submitted");
    expect(submitted.body.instant.route).toBe("human");
    expect(
      submitted.body.findings.some(
        (f: { rule: string; severity: string }) => f.rule === "R4" && f.severity === "block",
      ),
    ).toBe(true);
  });

  it("registers a change of the holder's name verified against the e-licence at once; a paper proof goes to a reviewer", async () => {
    const flat = await g.flat({ holders: ["citizen.chen"], holderNames: ["陈晶"] });
    const apply = async (eLicence: boolean) => {
      const created = await api.post("citizen.chen", "/api/cases", {
        typeId: "change.holder-name",
        unitCode: flat.unitCode,
        parts: [{ details: {}, parties: [{ role: "right-holder", account: "citizen.chen" }] }],
        confirm: true,
      });
      const id = created.body.id as string;
      await uploadMaterials(
        api,
        "citizen.chen",
        id,
        ["change.holder-name"],
        eLicence ? ["change-proof"] : [],
      );
      if (eLicence) {
        const who = DEMO_IDS["citizen.chen"];
        const idNumber = generateResidentId({
          county: who.county,
          birthDate: who.birthDate,
          sequence: who.sequence,
        });
        // The (simulated) e-licence library holds her ID card under the new name.
        await giveSimulatedLicence(env.services.integrations.simulatorStore, env.services.pii.lookupHash, {
          type: "id-card",
          licenceNo: `SFZ-${idNumber.slice(-6)}`,
          holderName: "陈静",
          holderNumber: idNumber,
          issuer: "公安机关",
          issuedOn: "2026-06-01",
          validUntil: "2046-06-01",
          fields: {},
        });
        const fetched = await api.post("citizen.chen", "/api/integrations/elicence/fetch", {
          caseRef: id,
          jurisdiction: flat.unitCode.slice(0, 6),
          type: "id-card",
          holderNumber: generateResidentId({
            county: who.county,
            birthDate: who.birthDate,
            sequence: who.sequence,
          }),
          consent: { kind: "self" },
        });
        expect(fetched.status, JSON.stringify(fetched.body)).toBeLessThan(300);
        const material = await api.post("citizen.chen", `/api/cases/${id}/materials`, {
          source: "e-licence",
          materialId: "change-proof",
          licenceId: fetched.body.materialId,
        });
        expect(material.status, JSON.stringify(material.body)).toBe(201);
      }
      return (await api.post("citizen.chen", `/api/cases/${id}/submit`)).body;
    };
    const paper = await apply(false);
    expect(paper.stage).toBe("submitted");
    expect(paper.instant.reasons.join()).toContain("change-proof not verified against e-licence data");
    const verified = await apply(true);
    expect(verified.instant).toEqual({ route: "automatic" });
    expect(verified.stage).toBe("certified");
    const holders = await env.services.db
      .selectFrom("right_holders")
      .innerJoin("rights", (j) =>
        j
          .onRef("rights.unit_code", "=", "right_holders.unit_code")
          .onRef("rights.seq", "=", "right_holders.right_seq"),
      )
      .select(["right_holders.name", "rights.status", "rights.source"])
      .where("right_holders.unit_code", "=", flat.unitCode)
      .orderBy("rights.seq")
      .execute();
    expect(holders.map((h) => [h.name, h.status])).toEqual([
      ["陈晶", "historic"],
      ["陈静", "current"],
    ]);
  });
});
