import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CertificateNumberOptions,
  formatCertificateNumber,
  parseCertificateNumber,
} from "./certificate-number";

const codes = (input: string, options?: CertificateNumberOptions) => {
  const result = parseCertificateNumber(input, options);
  return result.ok ? result.value.findings.map((f) => f.code) : result.error.map((f) => f.code);
};

describe("parseCertificateNumber", () => {
  it("parses a certificate of title number (不动产权证书)", () => {
    expect(parseCertificateNumber("粤（2025）佛山市不动产权第0001234号")).toMatchObject({
      ok: true,
      value: {
        number: "粤（2025）佛山市不动产权第0001234号",
        kind: "certificate",
        provinceAbbreviation: "粤",
        provinceCode: "44",
        year: 2025,
        registry: "佛山市",
        sequence: 1234,
        findings: [],
      },
    });
  });

  it("parses a certification number (不动产登记证明)", () => {
    expect(parseCertificateNumber("粤（2025）佛山市不动产证明第0000567号")).toMatchObject({
      ok: true,
      value: { kind: "certification", sequence: 567, registry: "佛山市" },
    });
  });

  it("normalises half-width brackets and spaces to the full-width form", () => {
    const result = parseCertificateNumber(" 黑(2024) 绥化市不动产权第0000001号 ");
    expect(result.ok && result.value.number).toBe("黑（2024）绥化市不动产权第0000001号");
  });

  it("accepts registry names without 市, as in 东莞", () => {
    expect(parseCertificateNumber("粤（2019）东莞不动产权第0000906号")).toMatchObject({
      ok: true,
      value: { registry: "东莞", year: 2019 },
    });
  });

  it.each([
    ["黔（2020）贵阳市不动产权第0000001号", "52"],
    ["贵（2020）贵阳市不动产权第0000001号", "52"],
    ["滇（2020）昆明市不动产权第0000001号", "53"],
    ["云（2020）昆明市不动产权第0000001号", "53"],
  ])("accepts both abbreviations of Guizhou and Yunnan: %s", (number, provinceCode) => {
    expect(parseCertificateNumber(number)).toMatchObject({ ok: true, value: { provinceCode } });
  });

  it.each([
    "",
    "粤（2025）佛山市不动产权第001234号",
    "粤（2025）佛山市不动产权第00012345号",
    "粤（25）佛山市不动产权第0001234号",
    "港（2025）香港不动产权第0001234号",
    "粤（2025）佛山市房产证第0001234号",
    "粤（2025）不动产权第0001234号",
    "粤【2025】佛山市不动产权第0001234号",
  ])("rejects %j as CERT.FORMAT", (number) => {
    expect(codes(number)).toEqual(["CERT.FORMAT"]);
  });

  it("rejects years before unified registration and, when told the year, in the future", () => {
    expect(codes("粤（2014）佛山市不动产权第0000001号")).toEqual(["CERT.YEAR"]);
    expect(codes("粤（2030）佛山市不动产权第0000001号")).toEqual([]);
    expect(codes("粤（2030）佛山市不动产权第0000001号", { currentYear: 2025 })).toEqual(["CERT.YEAR"]);
  });

  it("rejects sequence 0000000", () => {
    expect(codes("粤（2025）佛山市不动产权第0000000号")).toEqual(["CERT.SEQUENCE"]);
  });

  it("rejects a registry name with digits or brackets", () => {
    expect(codes("粤（2025）佛山（2025）市不动产权第0000001号")).toEqual(["CERT.REGISTRY"]);
  });

  it("rejects a certification number where a certificate of title is expected", () => {
    expect(codes("粤（2025）佛山市不动产证明第0000567号", { kind: "certificate" })).toEqual(["CERT.KIND"]);
    expect(codes("粤（2025）佛山市不动产权第0000567号", { kind: "certification" })).toEqual(["CERT.KIND"]);
    expect(codes("粤（2025）佛山市不动产证明第0000567号", { kind: "certification" })).toEqual([]);
  });
});

describe("formatCertificateNumber", () => {
  it("formats from a division code or an abbreviation", () => {
    expect(
      formatCertificateNumber({
        kind: "certificate",
        province: "440600",
        year: 2025,
        registry: "佛山市",
        sequence: 1234,
      }),
    ).toBe("粤（2025）佛山市不动产权第0001234号");
    expect(
      formatCertificateNumber({
        kind: "certification",
        province: "黑",
        year: 2025,
        registry: "绥化市",
        sequence: 567,
      }),
    ).toBe("黑（2025）绥化市不动产证明第0000567号");
  });

  it("refuses impossible input as a programmer error", () => {
    const base = { kind: "certificate", year: 2025, registry: "佛山市", sequence: 1 } as const;
    expect(() => formatCertificateNumber({ ...base, province: "81" })).toThrow(RangeError);
    expect(() => formatCertificateNumber({ ...base, province: "44", sequence: 0 })).toThrow(RangeError);
    expect(() => formatCertificateNumber({ ...base, province: "44", sequence: 10_000_000 })).toThrow(
      RangeError,
    );
    expect(() => formatCertificateNumber({ ...base, province: "44", registry: "" })).toThrow(RangeError);
  });

  it("formats numbers that parse back to the same fields (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom("certificate" as const, "certification" as const),
          province: fc.constantFrom("11", "23", "44", "52", "53", "65"),
          year: fc.integer({ min: 2015, max: 2099 }),
          registry: fc.constantFrom("佛山市", "绥化市", "东莞", "望奎县", "肇东市"),
          sequence: fc.integer({ min: 1, max: 9_999_999 }),
        }),
        (fields) => {
          const number = formatCertificateNumber(fields);
          expect(parseCertificateNumber(number, { kind: fields.kind })).toMatchObject({
            ok: true,
            value: {
              number,
              kind: fields.kind,
              year: fields.year,
              registry: fields.registry,
              sequence: fields.sequence,
            },
          });
        },
      ),
    );
  });
});
