import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUnitBook } from "../../src/register/register.repository";
import { closeEnv, type Given, given, givenTaxCleared, type Http, http } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { buildingTable, buyer, contractFor, developerParcel, registerLand } from "./support";

let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
}, 300_000);
afterAll(async () => closeEnv(env), 600_000);

const DEV = "developer.yulin";
const MATERIALS = [
  "application-form",
  "applicant-identity",
  "title-certificate",
  "planning-acceptance",
  "completion-proof",
  "cadastral-survey",
  "mortgage-certification",
];
const ZJ_MATERIALS = [
  "application-form",
  "applicant-identity",
  "title-certificate",
  "construction-permit",
  "construction-collateral-list",
  "mortgage-contract",
  "main-debt-contract",
];
const BUYERS = 50;
/** Flats kept out of presale: the developer mortgages them while the building is under construction. */
const KEPT = 3;

/**
 * 双预告 → 房屋首次登记 → 自动预转本 through the HTTP API, as the developer: the 楼盘表 is imported
 * (bad lines refused with their rule), the building's first registration waits for the land right
 * (R3), 50 buyers' purchase and mortgage notices are filed from their 网签 contracts, one flat is
 * seized meanwhile; registering the building converts the 49 others into transfers and mortgages,
 * each with its certificates, and lists the seized one with R7.
 */
describe("developer project: presale notices converted on the building's first registration", () => {
  it("imports, refuses bad input, registers the building and converts 49 of 50 notices", async () => {
    const parcel = await developerParcel(env, g);
    const created = await api.post(DEV, "/api/projects", {
      name: "鱼鳞花园",
      parcelCode: parcel.parcelCode,
      presalePermit: "佛南预（2026）0001号",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const foreign = await api.get("bank.gongshang", `/api/projects/${id}`);
    expect(foreign.status).toBe(404);

    // A table with an overlap (R2), a flat on another parcel (R3) and a malformed line: nothing imported.
    const good = buildingTable(parcel.parcelCode, BUYERS + KEPT);
    const lines = good.split("\n");
    const bad = [
      ...lines,
      lines[1],
      lines[2]!.replace(parcel.parcelCode, "440605999001GB00001"),
      lines[3]!.replace(",98.50,", ",九十,"),
    ];
    const refused = await api.post(DEV, `/api/projects/${id}/buildings/import`, { csv: bad.join("\n") });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("PROJECT.TABLE_REJECTED");
    const found = refused.body.details.findings.map((f: { line: number; rule: string }) => [f.line, f.rule]);
    expect(found).toEqual(
      expect.arrayContaining([
        [BUYERS + KEPT + 2, "R2"],
        [BUYERS + KEPT + 3, "R3"],
        [BUYERS + KEPT + 4, "FORMAT"],
      ]),
    );
    expect((await api.get(DEV, `/api/projects/${id}`)).body.buildings).toEqual([]);

    const imported = await api.post(DEV, `/api/projects/${id}/buildings/import`, { csv: good });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const [building] = imported.body.buildings;
    expect(building.units).toBe(BUYERS + KEPT);
    const project = (await api.get(DEV, `/api/projects/${id}`)).body;
    const all: string[] = project.buildings[0].unitCodes;
    const units = all.slice(0, BUYERS);
    const kept = all.slice(BUYERS);
    const no = building.buildingNo as string;

    // R3: the building cannot be registered before the developer's land use right.
    const early = await api.post(DEV, `/api/projects/${id}/buildings/${no}/register`, {
      materials: MATERIALS,
    });
    expect(early.status).toBe(422);
    expect(early.body.details.units).toHaveLength(BUYERS + KEPT);
    expect(early.body.details.units[0].findings.map((f: { code: string }) => f.code)).toContain(
      "R3.LAND_NOT_REGISTERED",
    );
    await registerLand(g, parcel, DEV);

    // 网签 contracts, one per flat; a batch with a flat outside the project and a malformed ID is refused whole.
    for (const [i, unitCode] of units.entries()) await contractFor(env, `WQ-P-${i}`, unitCode, [buyer(i)]);
    const other = await g.flat({ registered: false });
    await contractFor(env, "WQ-OTHER", other.unitCode, [buyer(99)]);
    await contractFor(env, "WQ-BADID", units[0]!, [{ name: "错号", idNumber: "440605199001011234" }]);
    const mortgage = { bank: "bank.gongshang", amountFen: 80_000_000 };
    const badBatch = await api.post(DEV, `/api/projects/${id}/notices`, {
      lines: [
        { contractNo: "WQ-P-0", mortgage },
        { contractNo: "WQ-OTHER" },
        { contractNo: "WQ-BADID" },
        { contractNo: "WQ-NONE" },
      ],
    });
    expect(badBatch.status).toBe(422);
    expect(
      badBatch.body.details.lines.map((l: { line: number; findings: Array<{ rule: string }> }) => [
        l.line,
        l.findings[0]!.rule,
      ]),
    ).toEqual([
      [2, "R5"],
      [3, "ID"],
      [4, "HOUSING"],
    ]);
    expect((await api.get(DEV, `/api/projects/${id}/notices`)).body.notices).toEqual([]);

    const filed = await api.post(DEV, `/api/projects/${id}/notices`, {
      lines: units.map((_, i) => ({ contractNo: `WQ-P-${i}`, mortgage })),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toEqual({ filed: BUYERS, certifications: BUYERS * 2 });

    // 在建建筑物抵押: a flat under advance notice cannot be collateral (R16); the kept flats can.
    const zj = { bank: "bank.gongshang", amountFen: 30_000_000, materials: ZJ_MATERIALS };
    const withNotice = await api.post(DEV, `/api/projects/${id}/buildings/${no}/construction-mortgage`, {
      ...zj,
      units: [units[1], ...kept],
    });
    expect(withNotice.status).toBe(422);
    expect(withNotice.body.details.units.map((u: { unitCode: string }) => u.unitCode)).toEqual([units[1]]);
    expect(withNotice.body.details.units[0].findings.map((f: { rule: string }) => f.rule)).toContain("R16");
    const zjDone = await api.post(DEV, `/api/projects/${id}/buildings/${no}/construction-mortgage`, {
      ...zj,
      units: kept,
    });
    expect(zjDone.status, JSON.stringify(zjDone.body)).toBe(201);
    expect(zjDone.body).toMatchObject({ units: KEPT, amountFenPerUnit: 10_000_000 });

    // Meanwhile: the deed tax of each conversion cleared (R22), and a court seizes one flat (R7).
    const notices = (await api.get(DEV, `/api/projects/${id}/notices`)).body.notices;
    for (const n of notices) await givenTaxCleared(env, n.caseId);
    const seized = units[7]!;
    await g.seizure(seized);

    const registered = await api.post(DEV, `/api/projects/${id}/buildings/${no}/register`, {
      materials: MATERIALS,
    });
    expect(registered.status, JSON.stringify(registered.body).slice(0, 2000)).toBe(200);
    expect(registered.body.registration.units).toBe(BUYERS + KEPT);
    expect(registered.body.registration.certificates).toHaveLength(BUYERS + KEPT);
    expect(registered.body.conversion.converted).toBe(BUYERS - 1);
    expect(registered.body.conversion.failed).toHaveLength(1);
    const failed = registered.body.conversion.failed[0];
    expect(failed.unitCode).toBe(seized);
    expect(failed.findings.map((f: { rule: string }) => f.rule)).toContain("R7");

    // The list shows 49 converted with the buyer's certificate and the bank's certification, one refused.
    const after = (await api.get(DEV, `/api/projects/${id}/notices`)).body.notices;
    expect(after.filter((n: { status: string }) => n.status === "converted")).toHaveLength(BUYERS - 1);
    for (const n of after.filter((x: { status: string }) => x.status === "converted"))
      expect(n.certificates).toHaveLength(2);
    expect(after.find((n: { unitCode: string }) => n.unitCode === seized).status).toBe("failed");

    // The register: the buyer holds the flat, the bank's mortgage stands, the notices are history.
    const book = await findUnitBook(env.services.db, units[0]!);
    const current = book!.rights.filter((r) => r.right.status === "current");
    expect(current.flatMap((r) => r.holders.map((h) => h.name))).toEqual(["买受人0"]);
    const live = book!.encumbrances.filter((e) => e.status !== "historic").map((e) => e.kind);
    expect(live).toEqual(["mortgage"]);
    const seizedBook = await findUnitBook(env.services.db, seized);
    expect(
      seizedBook!.encumbrances
        .filter((e) => e.status !== "historic")
        .map((e) => e.kind)
        .sort(),
    ).toEqual(["advance-notice", "advance-notice", "seizure"]);
    // 细则 77: the kept flats' construction mortgage became a mortgage of the registered building.
    const keptBook = await findUnitBook(env.services.db, kept[0]!);
    const keptMortgage = keptBook!.encumbrances.find((e) => e.kind === "mortgage" && e.status !== "historic");
    expect(keptMortgage?.particulars).toMatchObject({ construction: false });
    expect(keptBook!.rights.filter((r) => r.right.status === "current")).toHaveLength(1);
    const again = await api.post(DEV, `/api/projects/${id}/buildings/${no}/register`, {
      materials: MATERIALS,
    });
    expect(again.status).toBe(409);
  }, 900_000);
});
