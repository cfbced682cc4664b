import type { Polygon } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../src/platform/audit/audit";
import { reserveNumbers } from "../../src/register/code-allocation.repository";
import { findLogIndexes } from "../../src/register/ledger.repository";
import { verifyRegister } from "../../src/register/verify";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let registrar: string;
beforeAll(async () => {
  env = await startTestEnv();
  registrar = await loginAs(env.app, "chancheng.dengbu");
});
afterAll(async () => env?.close());

const rect = (x: number, y: number, w: number, h: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
      [x, y],
    ],
  ],
});
const parcel = (over: Record<string, unknown> = {}) => ({
  jurisdiction: "440604",
  zone: "001",
  subzone: "002",
  ownership: "G",
  useRight: "B",
  area: 1000,
  address: "佛山市禅城区测试路1号",
  geometry: rect(113.2, 23.2, 0.001, 0.001),
  ...over,
});
const post = (url: string, payload: unknown, cookie = registrar) =>
  env.app.inject({ method: "POST", url, payload: payload as object, headers: { cookie } });

describe("unit codes are assigned by the system", () => {
  it("takes the next parcel sequence of the zone and feature code, per feature code", async () => {
    const a = await post(
      "/api/register/parcels",
      parcel({ zone: "002", subzone: "001", geometry: rect(113.3, 23.3, 0.001, 0.001) }),
    );
    const b = await post(
      "/api/register/parcels",
      parcel({ zone: "002", subzone: "001", geometry: rect(113.31, 23.3, 0.001, 0.001) }),
    );
    const s = await post(
      "/api/register/parcels",
      parcel({
        zone: "002",
        subzone: "001",
        useRight: "S",
        vertical: { kind: "above", min: 30, max: null },
        geometry: rect(113.32, 23.3, 0.001, 0.001),
      }),
    );
    expect([a.statusCode, b.statusCode, s.statusCode]).toEqual([201, 201, 201]);
    // The demo register already holds 440604002001GB00001 (季华五路).
    expect(a.json().parcelCode).toBe("440604002001GB00002");
    expect(b.json().parcelCode).toBe("440604002001GB00003");
    expect(s.json().parcelCode).toBe("440604002001GS00001");
    expect(a.json().landUnitCode).toBe("440604002001GB00002W00000000");
  });

  it("numbers buildings within the parcel and 户号 within the building", async () => {
    const p = (
      await post("/api/register/parcels", parcel({ geometry: rect(113.4, 23.4, 0.001, 0.001) }))
    ).json();
    const b1 = (
      await post(`/api/register/parcels/${p.parcelCode}/buildings`, {
        address: "测试路1号1座",
        floorsAbove: 3,
      })
    ).json();
    const b2 = (
      await post(`/api/register/parcels/${p.parcelCode}/buildings`, {
        address: "测试路1号2座",
        floorsAbove: 3,
      })
    ).json();
    expect([b1.buildingNo, b2.buildingNo]).toEqual(["0001", "0002"]);
    const units = await post(`/api/register/buildings/${b2.buildingCode}/units`, {
      units: [
        { floor: 1, roomLabel: "101", buildingArea: 88.5, address: "测试路1号2座101房" },
        { floor: 1, roomLabel: "102", buildingArea: 90, address: "测试路1号2座102房" },
      ],
    });
    expect(units.statusCode).toBe(201);
    expect(units.json().units.map((u: { unitCode: string }) => u.unitCode)).toEqual([
      `${p.parcelCode}F00020001`,
      `${p.parcelCode}F00020002`,
    ]);
  });

  it("never reuses a number: imported codes move the sequence past them", async () => {
    await env.services.db
      .transaction()
      .execute((tx) => reserveNumbers(tx, [{ jurisdiction: "440604", scope: "P003001GB", value: 41 }]));
    await env.services.register.cadastre.addZones(systemContext("test"), [
      { jurisdiction: "440604", zone: "003", subzone: "001", name: null },
    ]);
    const next = await post(
      "/api/register/parcels",
      parcel({ zone: "003", subzone: "001", geometry: rect(113.5, 23.5, 0.001, 0.001) }),
    );
    expect(next.json().parcelCode).toBe("440604003001GB00042");
  });

  it("refuses an unknown cadastral zone and an invalid feature code (GZ)", async () => {
    const zone = await post(
      "/api/register/parcels",
      parcel({ zone: "099", geometry: rect(113.6, 23.6, 0.001, 0.001) }),
    );
    expect(zone.json().code).toBe("REGISTER.ZONE_UNKNOWN");
    const feature = await post("/api/register/parcels", parcel({ ownership: "G", useRight: "Z" }));
    expect(feature.statusCode).toBe(400);
    expect(feature.json().code).toBe("REGISTER.INVALID_CODE");
  });

  it("lets only the office's own registrar record parcels (forbidden looks like not found)", async () => {
    const other = await loginAs(env.app, "beilin.dengbu");
    const res = await post(
      "/api/register/parcels",
      parcel({ geometry: rect(113.7, 23.7, 0.001, 0.001) }),
      other,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("AUTH.FORBIDDEN");
    const citizen = await loginAs(env.app, "citizen.zhang");
    expect((await post("/api/register/parcels", parcel(), citizen)).statusCode).toBe(404);
  });
});

describe("concurrent registrations", () => {
  it("run concurrently: distinct codes, gapless log indexes, a chain that verifies", async () => {
    await env.services.register.sequencer.flush();
    const before = await env.services.db.selectFrom("ledger_head").select("size").executeTakeFirstOrThrow();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        env.services.register.cadastre.createParcel(systemContext("test"), {
          jurisdiction: "440604",
          zone: "001",
          subzone: "002",
          ownership: "G",
          useRight: "B",
          facts: {
            area: 100,
            landUse: null,
            landUseStandard: null,
            landGrade: null,
            address: `并发测试路${i}号`,
            vertical: { kind: "surface", min: null, max: null },
            geometry: rect(115 + i * 0.01, 25, 0.001, 0.001),
          },
        }),
      ),
    );
    expect(new Set(results.map((r) => r.parcelCode)).size).toBe(12);
    // Entry ids (seq) come from a sequence; the sequencer gives the log indexes, gapless.
    await env.services.register.sequencer.flush();
    const indexes = await findLogIndexes(
      env.services.db,
      results.map((r) => r.seq),
    );
    expect([...indexes.values()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => before.size + 1 + i),
    );
    expect((await verifyRegister(env.services.db)).problems).toEqual([]);
  });
});

describe("3D parcels: a footprint may be shared only at disjoint vertical ranges", () => {
  const footprint = rect(113.8, 23.8, 0.002, 0.002);

  it("refuses a second surface parcel on the same footprint, and one that partly overlaps", async () => {
    const road = await post(
      "/api/register/parcels",
      parcel({ geometry: footprint, vertical: { kind: "surface", min: -5, max: 40 } }),
    );
    expect(road.statusCode).toBe(201);
    const again = await post("/api/register/parcels", parcel({ geometry: footprint }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("REGISTER.PARCEL_OVERLAP");
    expect(again.json().details.findings[0].message_en).toContain(road.json().parcelCode);
    const partly = await post(
      "/api/register/parcels",
      parcel({ geometry: rect(113.801, 23.801, 0.002, 0.002) }),
    );
    expect(partly.json().code).toBe("REGISTER.PARCEL_OVERLAP");
  });

  it("accepts an underground (X) and an above-ground (S) parcel on the same footprint at disjoint ranges", async () => {
    const below = await post(
      "/api/register/parcels",
      parcel({ useRight: "X", geometry: footprint, vertical: { kind: "below", min: null, max: -5 } }),
    );
    const above = await post(
      "/api/register/parcels",
      parcel({ useRight: "S", geometry: footprint, vertical: { kind: "above", min: 40, max: null } }),
    );
    expect([below.statusCode, above.statusCode]).toEqual([201, 201]);
  });

  it("refuses a layer whose range overlaps one already there", async () => {
    const deeper = await post(
      "/api/register/parcels",
      parcel({
        useRight: "X",
        geometry: rect(113.8005, 23.8005, 0.0005, 0.0005),
        vertical: { kind: "between", min: -20, max: -3 },
      }),
    );
    expect(deeper.statusCode).toBe(409);
    expect(deeper.json().code).toBe("REGISTER.PARCEL_OVERLAP");
  });

  it("accepts a neighbour that only shares an edge", async () => {
    const neighbour = await post(
      "/api/register/parcels",
      parcel({ geometry: rect(113.802, 23.8, 0.002, 0.002) }),
    );
    expect(neighbour.statusCode).toBe(201);
  });

  it("leaves a ledger that verifies, and refused parcels consume no number", async () => {
    const report = await verifyRegister(env.services.db);
    expect(report.problems).toEqual([]);
    const next = await post("/api/register/parcels", parcel({ geometry: rect(113.9, 23.9, 0.001, 0.001) }));
    const codes = await env.services.db
      .selectFrom("parcels")
      .select("parcel_code")
      .where("jurisdiction", "=", "440604")
      .where("zone", "=", "001")
      .where("subzone", "=", "002")
      .where("feature", "=", "GB")
      .execute();
    const sequences = codes.map((c) => Number(c.parcel_code.slice(14))).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    expect(Number(next.json().parcelCode.slice(14))).toBe(sequences.length);
  });
});
