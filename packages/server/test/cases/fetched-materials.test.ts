import { describe, expect, it } from "vitest";
import { giveSimulatedLicence } from "../../src/integrations/elicence/elicence.connector";
import { giveSimulatedContract } from "../../src/integrations/housing/housing.connector";
import { api, blocks, codes, env, g, sale, startRulesServer } from "./rules-support";
import { demoIdentity, PDF } from "./support";

/**
 * 零材料 through the server: the materials the catalogue marks as fetched are fetched from their
 * departments when the party confirms, recorded with source and digest, and counted by R29; the
 * deed tax proof is asked for before registering, not at submit.
 */
startRulesServer();

const upload = (who: string, caseId: string, materialId: string) =>
  api.post(who, `/api/cases/${caseId}/materials`, {
    source: "upload",
    materialId,
    fileName: `${materialId}.pdf`,
    mediaType: "application/pdf",
    contentBase64: PDF,
  });

describe("materials the registry fetches (零材料)", () => {
  it("fetches the ID cards, the title and the filed contract; R29 counts them and asks for nothing else at submit", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const contractNo = `WQ-TEST-${flat.unitCode.slice(-8)}`;
    await giveSimulatedContract(env.services.integrations.simulatorStore, {
      contractNo,
      status: "filed",
      unitCode: flat.unitCode,
      address: "测试市测试路1号",
      areaSqm: 98.5,
      use: "residential",
      priceFen: 150_000_000,
      signedAt: "2026-11-01T10:00:00.000+08:00",
      buyers: [demoIdentity("citizen.li")],
      sellers: [demoIdentity("citizen.zhang")],
    });
    for (const who of ["citizen.li", "citizen.zhang"] as const) {
      const p = demoIdentity(who);
      await giveSimulatedLicence(env.services.integrations.simulatorStore, env.services.pii.lookupHash, {
        type: "id-card",
        licenceNo: `SFZ-${p.idNumber.slice(-6)}`,
        holderName: p.name,
        holderNumber: p.idNumber,
        issuer: "公安机关",
        issuedOn: "2020-06-01",
        validUntil: "2040-06-01",
        fields: {},
      });
    }
    const spec = sale(flat.unitCode, { documentNo: contractNo, priceFen: 150_000_000 });
    const created = await api.post(spec.by, "/api/cases", spec);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;

    const precheck = async (stage: string) =>
      codes(
        blocks((await api.get(spec.by, `/api/cases/${id}/findings?stage=${stage}`)).body.findings, "R29"),
      );
    const missingBefore = await precheck("submit");
    expect(missingBefore).toContain("R29.MATERIAL.applicant-identity");
    expect(missingBefore).not.toContain("R29.MATERIAL.tax-proof");

    // Only the application form is uploaded; everything else is fetched.
    expect((await upload(spec.by, id, "application-form")).status).toBe(201);
    const title = await api.post(spec.by, `/api/cases/${id}/materials/title-certificate/fetch`);
    expect(title.status, JSON.stringify(title.body)).toBe(201);
    expect(title.body.from).toBe("register");
    expect(title.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const contract = await api.post(spec.by, `/api/cases/${id}/materials/sale-contract/fetch`);
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    expect(contract.body.from).toBe("housing");
    for (const who of ["citizen.li", "citizen.zhang"]) {
      expect((await api.post(who, `/api/cases/${id}/confirm`)).status).toBe(200);
      const licence = await api.post(who, `/api/cases/${id}/materials/applicant-identity/fetch`);
      expect(licence.status, JSON.stringify(licence.body)).toBe(201);
      expect(licence.body.from).toBe("elicence");
    }

    const view = await api.get(spec.by, `/api/cases/${id}`);
    const fetched = view.body.materials.filter((m: { fetchedFrom: string | null }) => m.fetchedFrom);
    expect(fetched.map((m: { materialId: string }) => m.materialId).sort()).toEqual([
      "applicant-identity",
      "applicant-identity",
      "sale-contract",
      "title-certificate",
    ]);
    expect(fetched.find((m: { materialId: string }) => m.materialId === "title-certificate").documentNo).toBe(
      flat.certificateNo,
    );
    expect(await precheck("submit")).toEqual([]);
    // The deed tax proof is due before registering, and the tax office has not cleared it yet.
    expect(await precheck("register")).toEqual(["R29.MATERIAL.tax-proof"]);
    const submitted = await api.post(spec.by, `/api/cases/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.stage).toBe("submitted");
  });

  it("refuses what cannot be fetched with a 4xx and changes nothing", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const spec = sale(flat.unitCode, { documentNo: "WQ-NONE" });
    const id = (await api.post(spec.by, "/api/cases", spec)).body.id as string;
    const cases = {
      "power-of-attorney": [409, "CASE.MATERIAL_NOT_FETCHABLE"],
      "tax-proof": [409, "CASE.MATERIAL_FROM_TAX"],
      "no-such-thing": [400, "CASE.MATERIAL_UNKNOWN"],
      "sale-contract": [404, "CONNECTOR.NOT_FOUND"],
    } as const;
    for (const [materialId, [status, code]] of Object.entries(cases)) {
      const r = await api.post(spec.by, `/api/cases/${id}/materials/${materialId}/fetch`);
      expect([r.status, r.body.code], materialId).toEqual([status, code]);
    }
    // Someone who is not a party cannot fetch a party's licence into the case.
    const stranger = await api.post("citizen.chen", `/api/cases/${id}/materials/applicant-identity/fetch`);
    expect(stranger.status).toBe(404);
    const view = await api.get(spec.by, `/api/cases/${id}`);
    expect(view.body.materials).toEqual([]);
  });
});
