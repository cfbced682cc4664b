import { requireBusinessType } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv, type Given, given, type Http, http, PDF, uploadMaterials } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";

// Issue 17: staff who could read a case could add materials to it (a supervisor included), and
// staff of the unit's office saw a citizen's unsubmitted draft.
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const draft = async () => {
  const flat = await g.flat({ holders: ["citizen.zhang"] });
  const created = await api.post("citizen.zhang", "/api/cases", {
    typeId: "mortgage.first.general",
    unitCode: flat.unitCode,
    parts: [
      {
        details: { mortgage: { amount: 80_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-5" },
        parties: [
          { role: "right-holder", account: "bank.gongshang" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
};
const MATERIAL_ID = requireBusinessType("change.natural-state").materials[0]?.id as string;
const material = (materialId: string, contentBase64 = PDF) => ({
  source: "upload",
  materialId,
  fileName: `${materialId}.pdf`,
  mediaType: "application/pdf",
  contentBase64,
});

describe("staff access by role and stage", () => {
  it("hides a citizen's unsubmitted draft from every office", async () => {
    const id = await draft();
    for (const staff of ["chancheng.shouli", "chancheng.shenhe", "chancheng.ducha", "foshan.ducha"]) {
      const r = await api.get(staff, `/api/cases/${id}`);
      expect(r.status, staff).toBe(404);
      expect(r.body.code).toBe("CASE.NOT_FOUND");
    }
    expect((await api.get("citizen.zhang", `/api/cases/${id}`)).status).toBe(200);
  });

  it("lets only the stage's role add materials: the acceptor before acceptance, never a supervisor", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const created = await api.post("citizen.zhang", "/api/cases", {
      typeId: "change.natural-state",
      unitCode: flat.unitCode,
      parts: [
        {
          details: { unit: { buildingArea: 101.2, innerArea: 82 } },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
    });
    const id = created.body.id as string;
    await uploadMaterials(api, "citizen.zhang", id, ["change.natural-state"]);
    expect((await api.post("citizen.zhang", `/api/cases/${id}/confirm`)).status).toBe(200);
    const submitted = await api.post("citizen.zhang", `/api/cases/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.stage).toBe("submitted");
    const before = (await api.get("chancheng.shouli", `/api/cases/${id}`)).body.materials.length;
    for (const staff of ["chancheng.ducha", "foshan.ducha", "chancheng.dengbu", "chancheng.dangan"]) {
      const r = await api.post(staff, `/api/cases/${id}/materials`, material(MATERIAL_ID));
      // Refused as if the case were not there (STYLE.md §4: no probing).
      expect(r.status, `${staff}: ${JSON.stringify(r.body)}`).toBe(404);
      expect(["CASE.NOT_FOUND", "AUTH.FORBIDDEN"]).toContain(r.body.code);
    }
    const acceptor = await api.post("chancheng.shouli", `/api/cases/${id}/materials`, material(MATERIAL_ID));
    expect(acceptor.status, JSON.stringify(acceptor.body)).toBe(201);
    expect((await api.get("chancheng.shouli", `/api/cases/${id}`)).body.materials.length).toBe(before + 1);
  });

  it("refuses, through the route, a file that only starts with %PDF-", async () => {
    const id = await draft();
    const fake = Buffer.from("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n").toString("base64");
    const r = await api.post("citizen.zhang", `/api/cases/${id}/materials`, material(MATERIAL_ID, fake));
    expect(r.status).toBe(415);
    expect(r.body.code).toBe("CASE.MATERIAL_TYPE");
  });
});
