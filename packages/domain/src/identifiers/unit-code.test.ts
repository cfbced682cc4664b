import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listCounties } from "../divisions/divisions";
import { buildUnitCode, formatUnitCode, parseUnitCode, type UnitCodeOptions } from "./unit-code";

const codes = (input: string, options?: UnitCodeOptions) => {
  const result = parseUnitCode(input, options);
  return result.ok ? result.value.findings.map((f) => f.code) : result.error.map((f) => f.code);
};

describe("parseUnitCode", () => {
  it.each(["440106005003GB00012F00010203", "440106005003GB00012W00000000", "532628101103GB21004F00010001"])(
    "accepts the reference example %s",
    (code) => {
      expect(codes(code)).toEqual([]);
    },
  );

  it("splits a house unit into its segments", () => {
    expect(parseUnitCode("440106005003GB00012F00010203")).toMatchObject({
      ok: true,
      value: {
        code: "440106005003GB00012F00010203",
        county: "440106",
        cadastralZone: "005",
        cadastralSubzone: "003",
        ownership: "G",
        useRight: "B",
        useRightName: "建设用地使用权宗地（地表）",
        parcelSequence: "00012",
        fixture: "F",
        fixtureNumber: "00010203",
        building: "0001",
        room: "0203",
        parcelCode: "440106005003GB00012",
        fixtureCode: "F00010203",
        isSea: false,
      },
    });
  });

  it("accepts the display form with spaces", () => {
    const result = parseUnitCode("440604 001002 GB00012 F00180302");
    expect(result.ok && result.value.code).toBe("440604001002GB00012F00180302");
  });

  it.each([
    "",
    "440106005003GB00012F0001020",
    "440106005003GB00012F000102031",
    "440106005003XB00012F00010203",
    "440106005003GB00012K00010203",
    "44010600500AGB00012F00010203",
  ])("rejects %j as UNIT.FORMAT", (code) => {
    expect(codes(code)).toEqual(["UNIT.FORMAT"]);
  });

  it("rejects a county code that does not exist", () => {
    expect(codes("990106005003GB00012F00010203")).toEqual(["UNIT.COUNTY"]);
  });

  it("rejects a statistical functional zone as a county and names it", () => {
    const result = parseUnitCode("130171005003GB00012F00010203");
    expect(!result.ok && result.error[0]?.message_zh).toContain("开发区");
  });

  it("accepts a local pseudo-county code (东莞 441903) only when configured", () => {
    expect(codes("441903012003GB00001F00020063")).toEqual(["UNIT.COUNTY"]);
    expect(codes("441903012003GB00001F00020063", { extraCountyCodes: new Set(["441903"]) })).toEqual([]);
  });

  it.each(["GB", "GS", "GX", "GE", "JA", "JB", "JC", "JD", "JE", "JS", "ZW", "GW", "JY", "GL", "JN"])(
    "accepts the parcel feature %s",
    (feature) => {
      expect(codes(`440604001002${feature}00001W00000000`)).toEqual([]);
    },
  );

  it.each(["GC", "ZC", "GZ", "JZ", "ZB", "ZA", "GK", "GI"])("rejects the parcel feature %s", (feature) => {
    expect(codes(`440604001002${feature}00001W00000000`)).toEqual(["UNIT.FEATURE"]);
  });

  it.each(["JH", "JG", "ZH"])(
    "rejects the sea feature %s because the sea is always state-owned",
    (feature) => {
      expect(codes(`440604000000${feature}00001W00000000`)).toEqual(["UNIT.FEATURE"]);
    },
  );

  it("rejects a homestead (C) that is not under collective ownership (J)", () => {
    expect(codes("440604001002GC00001F00010001")).toEqual(["UNIT.FEATURE"]);
    expect(codes("440604001002JC00001F00010001")).toEqual([]);
  });

  it("rejects GA by default and accepts it with a warning when configured (uncertain in the standard)", () => {
    expect(codes("440604001002GA00001W00000000")).toEqual(["UNIT.FEATURE"]);
    const result = parseUnitCode("440604001002GA00001W00000000", { allowStateOwnershipParcel: true });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.findings.map((f) => [f.code, f.severity])).toEqual([
      ["UNIT.FEATURE_UNCERTAIN", "warn"],
    ]);
  });

  it("accepts sea areas and islands (GH, GG) only with cadastral zone 000000", () => {
    const sea = parseUnitCode("440604000000GH00001W00000000");
    expect(sea.ok && sea.value.isSea).toBe(true);
    expect(codes("440604000000GG00001F00010001")).toEqual([]);
    expect(codes("440604001002GH00001W00000000")).toEqual(["UNIT.SEA_ZONE"]);
  });

  it("rejects zone 000 on land units (non-standard virtual units)", () => {
    expect(codes("440604000000GB00001W00000000")).toEqual(["UNIT.CADASTRAL_ZONE"]);
    expect(codes("440604000002GB00001W00000000")).toEqual(["UNIT.CADASTRAL_ZONE"]);
    expect(codes("440604001000GB00001W00000000")).toEqual(["UNIT.CADASTRAL_ZONE"]);
  });

  it("rejects parcel sequence 00000", () => {
    expect(codes("440604001002GB00000W00000000")).toEqual(["UNIT.PARCEL_SEQUENCE"]);
  });

  it("requires 00000000 after a W (no fixture)", () => {
    expect(codes("440604001002GB00001W00010001")).toEqual(["UNIT.FIXTURE"]);
  });

  it("rejects building 0000 but allows room 0000 for a whole building", () => {
    expect(codes("440604001002GB00001F00000001")).toEqual(["UNIT.FIXTURE"]);
    expect(codes("440604001002GB00001F00010000")).toEqual([]);
  });

  it("rejects forest and other fixtures numbered 00000000", () => {
    expect(codes("440604001002JE00001L00000000")).toEqual(["UNIT.FIXTURE"]);
    expect(codes("440604001002JE00001L00000001")).toEqual([]);
    expect(codes("440604001002GB00001Q00000000")).toEqual(["UNIT.FIXTURE"]);
  });

  it("reports every broken rule at once", () => {
    expect(codes("990000000000GC00000W00000001").sort()).toEqual([
      "UNIT.CADASTRAL_ZONE",
      "UNIT.COUNTY",
      "UNIT.FEATURE",
      "UNIT.FIXTURE",
      "UNIT.PARCEL_SEQUENCE",
    ]);
  });
});

const VALID_FEATURES = [
  ..."BSXDEFLNWY".split("").flatMap((c) => [`G${c}`, `J${c}`]),
  "JA",
  "JC",
  "ZW",
  "GH",
  "GG",
] as const;

const arbitrarySegments = fc
  .record({
    county: fc.constantFrom(...listCounties().map((c) => c.code)),
    feature: fc.constantFrom(...VALID_FEATURES),
    zone: fc.integer({ min: 1, max: 999 }),
    subzone: fc.integer({ min: 1, max: 999 }),
    parcelSequence: fc.integer({ min: 1, max: 99_999 }),
    fixture: fc.oneof(
      fc.record({
        fixture: fc.constant("F" as const),
        building: fc.integer({ min: 1, max: 9999 }),
        room: fc.integer({ min: 0, max: 9999 }),
      }),
      fc.record({
        fixture: fc.constantFrom("L" as const, "Q" as const),
        fixtureNumber: fc.integer({ min: 1, max: 99_999_999 }),
      }),
      fc.record({ fixture: fc.constant("W" as const) }),
    ),
  })
  .map(({ county, feature, zone, subzone, parcelSequence, fixture }) => {
    const isSea = feature === "GH" || feature === "GG";
    return {
      county,
      cadastralZone: isSea ? 0 : zone,
      cadastralSubzone: isSea ? 0 : subzone,
      ownership: feature[0] as "G" | "J" | "Z",
      useRight: feature[1]!,
      parcelSequence,
      ...fixture,
    };
  });

describe("buildUnitCode (property)", () => {
  it("builds codes from valid segments that parse back to the same segments", () => {
    fc.assert(
      fc.property(arbitrarySegments, (segments) => {
        const code = buildUnitCode(segments);
        const result = parseUnitCode(code);
        expect(result).toMatchObject({ ok: true, value: { code, findings: [] } });
        if (!result.ok) return;
        expect(Number(result.value.cadastralZone)).toBe(segments.cadastralZone);
        expect(Number(result.value.parcelSequence)).toBe(segments.parcelSequence);
        expect(result.value.ownership + result.value.useRight).toBe(segments.ownership + segments.useRight);
        if (segments.fixture === "F") {
          expect(Number(result.value.building)).toBe(segments.building);
          expect(Number(result.value.room)).toBe(segments.room);
        }
        expect(buildUnitCode(result.value)).toBe(code);
      }),
    );
  });

  it("formats every valid code so that the display form parses back", () => {
    fc.assert(
      fc.property(arbitrarySegments, (segments) => {
        const code = buildUnitCode(segments);
        const display = formatUnitCode(code);
        expect(display.split(" ").map((part) => part.length)).toEqual([6, 6, 7, 9]);
        expect(parseUnitCode(display)).toMatchObject({ ok: true, value: { code } });
      }),
    );
  });

  it("refuses segments that cannot fit as a programmer error", () => {
    const base = {
      county: "440604",
      cadastralZone: 1,
      cadastralSubzone: 2,
      ownership: "G",
      useRight: "B",
    } as const;
    expect(() => buildUnitCode({ ...base, parcelSequence: 100_000, fixture: "W" })).toThrow(RangeError);
    expect(() => buildUnitCode({ ...base, parcelSequence: 1, fixture: "F" })).toThrow(RangeError);
    expect(() => buildUnitCode({ ...base, county: "4406", parcelSequence: 1, fixture: "W" })).toThrow(
      RangeError,
    );
  });
});

describe("formatUnitCode", () => {
  it("groups the segments like real registry screens", () => {
    expect(formatUnitCode("320583001002GB00012F00180302")).toBe("320583 001002 GB00012 F00180302");
  });

  it("leaves malformed input unchanged", () => {
    expect(formatUnitCode("not a code")).toBe("not a code");
  });
});
