import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDayNumber, toDayNumber } from "../calendar/iso-date";
import { listCounties } from "../divisions/divisions";
import { generateResidentId, maskResidentId, parseResidentId, residentIdCheckCharacter } from "./resident-id";

const codes = (input: string, today?: string) => {
  const result = parseResidentId(input, today ? { today } : {});
  return result.ok ? result.value.findings.map((f) => f.code) : result.error.map((f) => f.code);
};

const counties = listCounties().map((c) => c.code);
const arbitraryId = fc
  .record({
    county: fc.constantFrom(...counties),
    birthDate: fc
      .integer({ min: toDayNumber("1900-01-01"), max: toDayNumber("2025-06-01") })
      .map(fromDayNumber),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(generateResidentId);

describe("parseResidentId", () => {
  it.each([
    "11010519491231002X",
    "440524188001010014",
    "110101199003074477",
    "44010619900101003X",
    "440106199001011235",
  ])("accepts the verified example %s", (id) => {
    expect(parseResidentId(id).ok).toBe(true);
  });

  it("parses the standard's own example into its parts", () => {
    const result = parseResidentId("11010519491231002X", { today: "2025-06-01" });
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: "11010519491231002X",
        addressCode: "110105",
        provinceCode: "11",
        birthDate: "1949-12-31",
        sequence: "002",
        sex: "female",
        holder: "resident",
        legacy15: false,
        findings: [],
      },
    });
  });

  it.each([
    ["110101199003071234", "3"],
    ["320115199012121214", "X"],
  ])("rejects %s whose check character should be %s", (id, check) => {
    expect(codes(id)).toEqual(["ID.CHECKSUM"]);
    expect(residentIdCheckCharacter(id.slice(0, 17))).toBe(check);
  });

  it("normalises a lowercase x", () => {
    const result = parseResidentId(" 11010519491231002x ");
    expect(result.ok && result.value.id).toBe("11010519491231002X");
  });

  it("upgrades a 15-digit legacy number and says so", () => {
    const result = parseResidentId("440106900101123");
    expect(result.ok && result.value.id).toBe("440106199001011235");
    expect(result.ok && result.value.legacy15).toBe(true);
    expect(codes("440106900101123")).toEqual(["ID.LEGACY_15"]);
  });

  it.each(["", "1234", "11010519491231002Y", "1101051949123100XX", "440106 19900101123"])(
    "rejects the malformed input %j as ID.FORMAT",
    (input) => {
      expect(codes(input)).toEqual(["ID.FORMAT"]);
    },
  );

  it("rejects a birth date that is not a real date", () => {
    for (const first17 of ["44060419900231001", "44060420230229001", "44060419901301001"]) {
      expect(codes(first17 + residentIdCheckCharacter(first17))).toEqual(["ID.BIRTH_DATE"]);
    }
  });

  it("rejects a birth date after today only when today is given", () => {
    const id = generateResidentId({ county: "440604", birthDate: "2030-01-01", sequence: 1 });
    expect(codes(id, "2025-06-01")).toEqual(["ID.BIRTH_DATE_FUTURE"]);
    expect(parseResidentId(id).ok).toBe(true);
  });

  it("warns but accepts a birth date before 1900 (the 1880 verified example)", () => {
    expect(codes("440524188001010014")).toContain("ID.BIRTH_DATE_EARLY");
  });

  it("blocks an unknown province but only warns about a retired county code", () => {
    const badProvince = generateResidentId({ county: "990101", birthDate: "1990-01-01", sequence: 1 });
    expect(codes(badProvince)).toEqual(["ID.PROVINCE"]);
    // 440524 (an abolished 汕头 county code) is gone from the table; cards issued under it stay valid.
    const retired = parseResidentId("440524188001010014");
    expect(retired.ok).toBe(true);
    expect(retired.ok && retired.value.findings.map((f) => f.code)).toContain("ID.COUNTY_UNKNOWN");
    expect(retired.ok && retired.value.findings.every((f) => f.severity !== "block")).toBe(true);
  });

  it("recognises residence permits of Hong Kong, Macau and Taiwan residents", () => {
    for (const county of ["810000", "820000", "830000"]) {
      const result = parseResidentId(generateResidentId({ county, birthDate: "1985-05-05", sequence: 12 }));
      expect(result).toMatchObject({
        ok: true,
        value: { holder: "hk-mo-tw-resident", sex: "female", findings: [] },
      });
    }
  });

  it("reports every problem at once in Chinese and English", () => {
    const first17 = "99010119901301001";
    const result = parseResidentId(`${first17}0`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((f) => f.code).sort()).toEqual(["ID.BIRTH_DATE", "ID.CHECKSUM", "ID.PROVINCE"]);
      for (const f of result.error) {
        expect(f.message_zh).toMatch(/[\u4e00-\u9fff]/);
        expect(f.message_en).toMatch(/[a-z]/);
      }
    }
  });
});

describe("generateResidentId (property)", () => {
  it("always produces an ID that validates without findings", () => {
    fc.assert(
      fc.property(arbitraryId, (id) => {
        const result = parseResidentId(id, { today: "2025-06-01" });
        expect(result).toMatchObject({ ok: true, value: { id, findings: [] } });
      }),
    );
  });

  it("detects any single-character change (MOD 11-2 catches every single substitution)", () => {
    fc.assert(
      fc.property(arbitraryId, fc.nat(17), fc.constantFrom(..."0123456789X"), (id, position, replacement) => {
        fc.pre(id[position] !== replacement && (replacement !== "X" || position === 17));
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        const result = parseResidentId(changed);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error.map((f) => f.code)).toContain("ID.CHECKSUM");
      }),
    );
  });

  it("derives the sex from the parity of the sequence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (sequence) => {
        const result = parseResidentId(
          generateResidentId({ county: "231282", birthDate: "1990-01-01", sequence }),
        );
        expect(result.ok && result.value.sex).toBe(sequence % 2 === 1 ? "male" : "female");
      }),
    );
  });

  it("refuses impossible demo input as a programmer error", () => {
    expect(() => generateResidentId({ county: "4406", birthDate: "1990-01-01", sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateResidentId({ county: "440604", birthDate: "1990-02-30", sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateResidentId({ county: "440604", birthDate: "1990-01-01", sequence: 1000 })).toThrow(
      RangeError,
    );
  });
});

describe("maskResidentId", () => {
  it("keeps the first 3 and last 4 characters", () => {
    expect(maskResidentId("44060419900101123x")).toBe("440***********123X");
  });

  it("hides the county and the birth date", () => {
    fc.assert(
      fc.property(arbitraryId, (id) => {
        const masked = maskResidentId(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(3, 14)).toBe("*".repeat(11));
        expect(masked.slice(-4)).toBe(id.slice(-4));
      }),
    );
  });

  it("masks short input entirely", () => {
    expect(maskResidentId("1234567")).toBe("*******");
  });
});
