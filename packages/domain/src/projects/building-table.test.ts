import { describe, expect, it } from "vitest";
import { BUILDING_TABLE_COLUMNS, readBuildingTable } from "./building-table";

const PARCEL = "440605001001GB00001";
const header = BUILDING_TABLE_COLUMNS.join(",");
const row = (over: Partial<Record<(typeof BUILDING_TABLE_COLUMNS)[number], string>> = {}) =>
  BUILDING_TABLE_COLUMNS.map(
    (c) =>
      over[c] ??
      {
        parcel_code: PARCEL,
        building: "1",
        floor: "5",
        room: "501",
        building_area: "98.50",
        inner_area: "80.20",
        shared_area: "18.30",
        use: "11",
        structure: "3",
        address: "佛山市南海区鱼鳞路1号1座501房",
      }[c],
  ).join(",");

describe("building table (楼盘表) import", () => {
  it("reads good rows into units grouped by building", () => {
    const t = readBuildingTable(
      [header, row(), row({ room: "502" }), row({ building: "2" })].join("\r\n"),
      PARCEL,
    );
    expect(t.findings).toEqual([]);
    expect(t.buildings.map((b) => [b.name, b.units.length])).toEqual([
      ["1", 2],
      ["2", 1],
    ]);
    expect(t.buildings[0]!.units[0]).toMatchObject({ floor: 5, roomLabel: "501", buildingArea: 98.5 });
  });

  it("names each bad line with its rule: overlap (R2), another parcel (R3), malformed (FORMAT)", () => {
    const t = readBuildingTable(
      [
        header,
        row(),
        row(),
        row({ room: "503", parcel_code: "440605001001GB00002" }),
        row({ room: "504", floor: "五" }),
        row({ room: "505", inner_area: "10" }),
      ].join("\n"),
      PARCEL,
    );
    expect(t.findings.map((f) => [f.line, f.rule, f.code])).toEqual([
      [3, "R2", "TABLE.OVERLAP"],
      [4, "R3", "TABLE.OUTSIDE_PARCEL"],
      [5, "FORMAT", "TABLE.MALFORMED"],
      [6, "FORMAT", "TABLE.MALFORMED"],
    ]);
    expect(t.findings[0]!.message_zh).toContain("第2行");
  });

  it("finds a unit overlapping one already surveyed, and missing columns", () => {
    const t = readBuildingTable([header, row()].join("\n"), PARCEL, new Map([["1", new Set(["501"])]]));
    expect(t.findings.map((f) => f.code)).toEqual(["TABLE.OVERLAP"]);
    expect(readBuildingTable("building,room\n1,501", PARCEL).findings[0]).toMatchObject({
      line: 1,
      code: "TABLE.COLUMNS",
    });
  });

  it("reads quoted fields with commas", () => {
    const t = readBuildingTable([header, row({ address: '"鱼鳞路1号,1座"' })].join("\n"), PARCEL);
    expect(t.buildings[0]!.units[0]!.address).toBe("鱼鳞路1号,1座");
  });
});
