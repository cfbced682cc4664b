import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listCounties } from "../divisions/divisions";
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_AUTHORITIES,
  creditCodeCheckCharacter,
  generateCreditCode,
  organisationCodeCheckCharacter,
  parseCreditCode,
} from "./credit-code";

const codes = (input: string) => {
  const result = parseCreditCode(input);
  return result.ok ? result.value.findings.map((f) => f.code) : result.error.map((f) => f.code);
};

const authorityTypes = Object.entries(CREDIT_CODE_AUTHORITIES).flatMap(([authority, { types }]) =>
  Object.keys(types).map((type) => ({ authority, type })),
);
const arbitraryCreditCode = fc
  .record({
    kind: fc.constantFrom(...authorityTypes),
    division: fc.constantFrom(...listCounties().map((c) => c.code), "100000", "440000", "440600"),
    organisation: fc.string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET), minLength: 8, maxLength: 8 }),
  })
  .map(({ kind, division, organisation }) => generateCreditCode({ ...kind, division, organisation }));

describe("parseCreditCode", () => {
  it.each([
    "91350100M000100Y43",
    "91440106MA5D12340R",
    "92310115MA1G8X7K5J",
    "1211010140000123X4",
    "52330106MJ9Y3C2B9A",
  ])("accepts the verified example %s without findings", (code) => {
    expect(codes(code)).toEqual([]);
    expect(parseCreditCode(code).ok).toBe(true);
  });

  it("parses the standard's own example into its parts", () => {
    expect(parseCreditCode("91350100M000100Y43")).toMatchObject({
      ok: true,
      value: {
        code: "91350100M000100Y43",
        authority: "9",
        authorityName: "工商（市场监管）",
        type: "1",
        typeName: "企业",
        divisionCode: "350100",
        organisationCode: "M000100Y4",
      },
    });
  });

  it("names the organisation types of the verified examples", () => {
    const typeName = (code: string) => {
      const result = parseCreditCode(code);
      return result.ok ? result.value.typeName : undefined;
    };
    expect(typeName("92310115MA1G8X7K5J")).toBe("个体工商户");
    expect(typeName("1211010140000123X4")).toBe("事业单位");
    expect(typeName("52330106MJ9Y3C2B9A")).toBe("民办非企业单位");
  });

  it("normalises lowercase input", () => {
    const result = parseCreditCode("91440106ma5d12340r");
    expect(result.ok && result.value.code).toBe("91440106MA5D12340R");
  });

  it.each(["", "91350100M000100Y4", "91350100M000100Y433", "91350100M000100I43", "91350100M000100O43"])(
    "rejects %j as CREDIT.FORMAT (wrong length or a letter outside the 31-character alphabet)",
    (code) => {
      expect(codes(code)).toEqual(["CREDIT.FORMAT"]);
    },
  );

  it("rejects a wrong check character", () => {
    expect(codes("91350100M000100Y44")).toEqual(["CREDIT.CHECKSUM"]);
  });

  it("rejects an authority and type combination that GB 32100 does not define", () => {
    const first17 = "94350100M000100Y4";
    expect(codes(first17 + creditCodeCheckCharacter(first17))).toEqual(["CREDIT.TYPE"]);
    const unknownAuthority = "B1350100M000100Y4";
    expect(codes(unknownAuthority + creditCodeCheckCharacter(unknownAuthority))).toEqual(["CREDIT.TYPE"]);
  });

  it("rejects letters in the division segment", () => {
    const first17 = "9135A100M000100Y4";
    expect(codes(first17 + creditCodeCheckCharacter(first17))).toEqual(["CREDIT.DIVISION"]);
  });

  it("only warns about a registering office's division code that is no longer current", () => {
    const code = generateCreditCode({
      authority: "9",
      type: "1",
      division: "440524",
      organisation: "MA5D1234",
    });
    expect(codes(code)).toEqual(["CREDIT.DIVISION_UNKNOWN"]);
    expect(parseCreditCode(code).ok).toBe(true);
  });

  it("warns about a failed inner organisation-code check, and blocks it in strict mode", () => {
    const first17 = "91350100M000100Y5";
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(codes(code)).toEqual(["CREDIT.ORGANISATION_CODE"]);
    expect(parseCreditCode(code, { strictOrganisationCode: true }).ok).toBe(false);
  });

  it("computes the GB 11714 check with 10 → X and 11 → 0", () => {
    expect(organisationCodeCheckCharacter("40000123")).toBe("X");
    expect(organisationCodeCheckCharacter("MA5D1234")).toBe("0");
  });
});

describe("generateCreditCode (property)", () => {
  it("always produces a code that validates without findings", () => {
    fc.assert(
      fc.property(arbitraryCreditCode, (code) => {
        expect(parseCreditCode(code)).toMatchObject({ ok: true, value: { code, findings: [] } });
      }),
    );
  });

  it("detects any single-character change (MOD 31 over a prime modulus catches every substitution)", () => {
    fc.assert(
      fc.property(
        arbitraryCreditCode,
        fc.nat(17),
        fc.constantFrom(...CREDIT_CODE_ALPHABET),
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          const result = parseCreditCode(changed);
          expect(result.ok).toBe(false);
          expect(!result.ok && result.error.map((f) => f.code)).toContain("CREDIT.CHECKSUM");
        },
      ),
    );
  });

  it("refuses impossible demo input as a programmer error", () => {
    expect(() =>
      generateCreditCode({ authority: "9", type: "4", division: "440604", organisation: "MA5D1234" }),
    ).toThrow(RangeError);
    expect(() =>
      generateCreditCode({ authority: "9", type: "1", division: "4406", organisation: "MA5D1234" }),
    ).toThrow(RangeError);
    expect(() =>
      generateCreditCode({ authority: "9", type: "1", division: "440604", organisation: "MA5D12I4" }),
    ).toThrow(RangeError);
  });
});
