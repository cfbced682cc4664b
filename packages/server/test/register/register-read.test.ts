import { generateResidentId } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CITIZENS } from "../../src/demo/demo-data";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let staff: string;
let zhang: string;
let wang: string;
let zhangHome: string;
let soldHome: string;
const get = (url: string, cookie: string) => env.app.inject({ method: "GET", url, headers: { cookie } });
const idOf = (username: string) => {
  const c = DEMO_CITIZENS.find((x) => x.username === username)!;
  return generateResidentId({ county: c.county, birthDate: c.birthDate, sequence: c.sequence });
};

beforeAll(async () => {
  env = await startTestEnv();
  [staff, zhang, wang] = await Promise.all([
    loginAs(env.app, "chancheng.shenhe"),
    loginAs(env.app, "citizen.zhang"),
    loginAs(env.app, "citizen.wang"),
  ]);
  const holdings = await env.app.inject({
    method: "POST",
    url: "/api/register/search/holder",
    headers: { cookie: staff },
    payload: { idNumber: idOf("citizen.zhang"), purpose: "测试：查询张伟名下不动产" },
  });
  const current = holdings.json().holdings.filter((h: { status: string }) => h.status === "current");
  zhangHome = current.find((h: { address: string }) => h.address.includes("1座202"))!.unitCode;
  soldHome = current.find((h: { address: string }) => h.address.includes("1座402"))!.unitCode;
});
afterAll(async () => env?.close());

describe("reading a unit (R30)", () => {
  it("shows staff of the office the rights, masked holders and restrictions", async () => {
    const res = await get(`/api/register/units/${zhangHome}`, staff);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.view).toBe("full");
    expect(body.unit).toMatchObject({ code: zhangHome, floor: 2, roomLabel: "202", use: "11" });
    expect(body.parcel.vertical).toEqual({ kind: "surface", min: -10, max: null });
    expect(body.rights).toHaveLength(1);
    expect(body.rights[0].holders[0]).toMatchObject({
      name: "张伟",
      idNumberMasked: expect.stringMatching(/^440\*+\d{3}[\dX]$/),
    });
    expect(JSON.stringify(body)).not.toContain(idOf("citizen.zhang"));
    expect(body.encumbrances).toEqual([
      expect.objectContaining({
        kind: "mortgage",
        status: "effective",
        rank: 1,
        amount: 1200000,
        holderName: "中国工商银行佛山分行",
      }),
    ]);
    expect(body.flags).toMatchObject({ mortgaged: true, seized: false, coOwned: false });
  });

  it("shows the holder their own unit in full", async () => {
    const res = await get(`/api/register/units/${zhangHome}`, zhang);
    expect(res.json().view).toBe("full");
    expect(res.json().rights[0].holders[0].name).toBe("张伟");
  });

  it("shows anyone else the natural state and which restrictions exist, never the holder", async () => {
    const res = await get(`/api/register/units/${zhangHome}?purpose=${encodeURIComponent("购房意向")}`, wang);
    const body = res.json();
    expect(body.view).toBe("public");
    expect(body.rights).toBeNull();
    expect(body.encumbrances).toBeNull();
    expect(body.flags.mortgaged).toBe(true);
    expect(JSON.stringify(body)).not.toContain("张伟");
  });

  it("answers staff of another office and an unknown unit alike, and audits both", async () => {
    const other = await loginAs(env.app, "beilin.shenhe");
    const history = await get(`/api/register/units/${zhangHome}/history`, other);
    const missing = await get("/api/register/units/440604001002GB00001F00019999", staff);
    expect(history.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const denied = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("target_id", "in", [zhangHome, "440604001002GB00001F00019999"])
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it("audits every read with who and why, never the ID number", async () => {
    const rows = await env.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "like", "register.%")
      .execute();
    expect(rows.some((r) => r.action === "register.unit.read" && r.purpose === "购房意向")).toBe(true);
    expect(rows.some((r) => r.action === "register.search.holder" && r.purpose?.includes("张伟"))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(idOf("citizen.zhang"));
  });

  it("rejects a malformed unit code as a 400 in the error shape", async () => {
    const res = await get("/api/register/units/440604001002GZ00001F00010001", staff);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "REGISTER.INVALID_CODE",
      message_zh: expect.any(String),
      message_en: expect.any(String),
    });
  });
});

describe("history", () => {
  it("tells the unit's life from land supply to the transfer, with the old right as history", async () => {
    const res = await get(`/api/register/units/${soldHome}/history`, staff);
    expect(res.statusCode).toBe(200);
    const { timeline, rights } = res.json();
    const kinds = timeline.map((t: { kind: string; scope: string }) => `${t.scope}:${t.kind}`);
    expect(kinds).toEqual([
      "parcel:parcel.create",
      "building:building.create",
      "unit:unit.create",
      "land:right.create",
      "unit:right.create",
      "unit:right.create",
      "unit:mortgage.create",
    ]);
    expect(timeline[3].title_zh).toContain("出让");
    expect(timeline[5].title_zh).toContain("买卖");
    const seqs = timeline.map((t: { seq: number }) => t.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(
      rights.map((r: { status: string; holders: Array<{ name: string }> }) => [r.status, r.holders[0]!.name]),
    ).toEqual([
      ["historic", "陈静"],
      ["current", "张伟"],
    ]);
  });

  it("is not shown to the public", async () => {
    expect((await get(`/api/register/units/${soldHome}/history`, wang)).statusCode).toBe(404);
  });
});

describe("parcels, building tables, search and the map", () => {
  it("gives a parcel with all its units, and a building table by floor in one call", async () => {
    const parcelCode = zhangHome.slice(0, 19);
    const parcel = (await get(`/api/register/parcels/${parcelCode}`, staff)).json();
    expect(parcel.buildings.map((b: { buildingNo: string }) => b.buildingNo)).toEqual(["0001", "0002"]);
    expect(parcel.units).toHaveLength(1 + 24 + 8); // the land unit and two buildings
    const table = (await get(`/api/register/buildings/${parcelCode}F0002/table`, staff)).json();
    expect(table.floors.map((f: { floor: number }) => f.floor)).toEqual([4, 3, 2, 1]);
    const seized = table.floors
      .flatMap((f: { units: Array<{ flags: { seized: boolean }; code: string }> }) => f.units)
      .filter((u: { flags: { seized: boolean } }) => u.flags.seized);
    expect(seized).toHaveLength(1);
  });

  it("keeps the seizure that came second waiting (R8)", async () => {
    const parcelCode = zhangHome.slice(0, 19);
    const table = (await get(`/api/register/buildings/${parcelCode}F0002/table`, staff)).json();
    const code = table.floors
      .flatMap((f: { units: Array<{ code: string; flags: { seized: boolean } }> }) => f.units)
      .find((u: { flags: { seized: boolean } }) => u.flags.seized).code;
    const unit = (await get(`/api/register/units/${code}`, staff)).json();
    expect(unit.encumbrances.map((e: { status: string; rank: number }) => [e.status, e.rank])).toEqual([
      ["effective", 1],
      ["waiting", 2],
    ]);
    expect(unit.rights[0].coOwnershipName).toBe("共同共有");
  });

  it("finds units by address fragments within the caller's jurisdictions only", async () => {
    const res = await get(`/api/register/search?address=${encodeURIComponent("岭南花园1座 202")}`, staff);
    expect(res.json().units.map((u: { code: string }) => u.code)).toEqual([zhangHome]);
    const beilin = await loginAs(env.app, "beilin.shenhe");
    expect(
      (await get(`/api/register/search?address=${encodeURIComponent("岭南花园")}`, beilin)).json().units,
    ).toEqual([]);
    expect((await get(`/api/register/search?address=${encodeURIComponent("岭")}`, staff)).json().code).toBe(
      "REGISTER.QUERY_TOO_SHORT",
    );
    expect((await get(`/api/register/search?address=${encodeURIComponent("岭南")}`, zhang)).statusCode).toBe(
      404,
    );
  });

  it("searches by holder for staff and courts, not for citizens or banks", async () => {
    const search = (cookie: string) =>
      env.app.inject({
        method: "POST",
        url: "/api/register/search/holder",
        headers: { cookie },
        payload: { idNumber: idOf("citizen.li"), purpose: "执行查控" },
      });
    const byCourt = await search(await loginAs(env.app, "court.chancheng"));
    expect(byCourt.statusCode).toBe(200);
    expect(
      byCourt
        .json()
        .holdings.map((h: { share: string | null }) => h.share)
        .sort(),
    ).toEqual(["1/2", null]);
    expect((await search(zhang)).statusCode).toBe(404);
    expect((await search(await loginAs(env.app, "bank.gongshang"))).statusCode).toBe(404);
  });

  it("serves parcels in a bounding box as GeoJSON, both layers of a 3D parcel included", async () => {
    const res = await get("/api/register/map?bbox=113.11,23.0,113.13,23.03", staff);
    const fc = res.json();
    expect(fc.type).toBe("FeatureCollection");
    const layers = fc.features
      .map((f: { properties: { verticalKind: string } }) => f.properties.verticalKind)
      .sort();
    expect(layers).toEqual(["below", "surface", "surface"]);
    expect(fc.features[0].geometry.type).toBe("Polygon");
    const far = await get("/api/register/map?bbox=100,10,100.1,10.1", staff);
    expect(far.json().features).toEqual([]);
  });
});

describe("OpenAPI", () => {
  it("documents the register and ledger endpoints", async () => {
    const doc = (await env.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const p of [
      "/api/register/units/{code}",
      "/api/register/units/{code}/history",
      "/api/register/buildings/{code}/table",
      "/api/register/ledger/proofs/inclusion",
      "/api/register/ledger/proofs/consistency",
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});
