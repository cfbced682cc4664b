import { describe, expect, it } from "vitest";
import {
  calculateRegistrationFee,
  type FeeTables,
  feeTableFor,
  NATIONAL_FEE_TABLE,
  type RegistrationFeeInput,
} from "./registration-fee";
import { money } from "./test-helpers";

const fee = (input: RegistrationFeeInput, table = NATIONAL_FEE_TABLE) => {
  const r = calculateRegistrationFee(input, table);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("registration fee (发改价格规〔2016〕2559号)", () => {
  it("charges 80 yuan for a residential transfer with one certificate", () => {
    expect(fee({ kind: "transfer", property: "residential", certificates: 1 })).toMatchObject({
      total: money("80"),
      rule: "standard",
    });
  });
  it("charges 550 yuan for non-residential, plus 10 for each extra certificate", () => {
    const f = fee({ kind: "transfer", property: "non-residential", certificates: 3 });
    expect(f.total).toBe(money("570"));
    expect(f.lines.map((l) => [l.code, l.quantity, l.amount])).toEqual([
      ["REGISTRATION_FEE", 1, money("550")],
      ["CERTIFICATE_COST", 2, money("20")],
    ]);
  });
  it("charges a housing mortgage 80 with no certificate cost (a 登记证明 carries none)", () => {
    expect(fee({ kind: "mortgage", property: "residential", certificates: 0 }).total).toBe(money("80"));
    expect(fee({ kind: "mortgage", property: "non-residential", certificates: 0 }).total).toBe(money("550"));
  });
  it("halves the fee for corrections or objections at a party's request and for name changes", () => {
    expect(
      fee({ kind: "correction", property: "residential", certificates: 1, initiatedBy: "party" }).total,
    ).toBe(money("40"));
    expect(fee({ kind: "objection", property: "non-residential", certificates: 0 }).total).toBe(money("275"));
    expect(
      fee({ kind: "change", property: "residential", certificates: 2, change: "holder-name-or-id" }).total,
    ).toBe(money("50"));
  });
  it("charges nothing for seizure, cancellation, advance notice and the registry's own error", () => {
    for (const kind of ["seizure", "cancellation", "advance-notice"] as const) {
      expect(fee({ kind, property: "residential", certificates: 0 })).toMatchObject({
        total: 0,
        rule: "no-fee",
      });
    }
    expect(
      fee({ kind: "correction", property: "residential", certificates: 1, initiatedBy: "registry" }).total,
    ).toBe(0);
  });
  it("exempts small and micro enterprises, unless the province's table says otherwise", () => {
    const input: RegistrationFeeInput = {
      kind: "transfer",
      property: "non-residential",
      certificates: 1,
      smallMicroEnterprise: true,
    };
    expect(fee(input)).toMatchObject({ total: 0, rule: "free" });
    expect(fee(input, { ...NATIONAL_FEE_TABLE, smallMicroEnterpriseExempt: false }).total).toBe(money("550"));
  });
  it("frees affordable housing, forest, contracted land and parking without its own certificate", () => {
    expect(fee({ kind: "first", property: "affordable-housing", certificates: 1 }).total).toBe(0);
    expect(fee({ kind: "first", property: "forest", certificates: 1 }).total).toBe(0);
    expect(fee({ kind: "first", property: "parking", certificates: 0 }).total).toBe(0);
    expect(fee({ kind: "first", property: "parking", certificates: 1 }).total).toBe(money("80"));
  });
  it("charges only the certificate for homesteads, spouse changes and replacements", () => {
    expect(fee({ kind: "first", property: "homestead", certificates: 1 })).toMatchObject({
      total: money("10"),
      rule: "certificate-only",
    });
    expect(
      fee({ kind: "change", property: "residential", certificates: 2, change: "between-spouses" }).total,
    ).toBe(money("20"));
    expect(fee({ kind: "replacement", property: "non-residential", certificates: 1 }).total).toBe(
      money("10"),
    );
  });
  it("applies a province's table passed in as a value", () => {
    const tables: FeeTables = {
      national: NATIONAL_FEE_TABLE,
      provinces: { "500000": { waiveChanges: true } },
    };
    const chongqing = feeTableFor(tables, "500000");
    expect(fee({ kind: "change", property: "residential", certificates: 1 }, chongqing)).toMatchObject({
      total: 0,
      rule: "local-waiver",
    });
    expect(feeTableFor(tables, "440000")).toEqual(NATIONAL_FEE_TABLE);
  });
  it("refuses a nonsensical certificate count", () => {
    expect(
      calculateRegistrationFee(
        { kind: "first", property: "residential", certificates: -1 },
        NATIONAL_FEE_TABLE,
      ).ok,
    ).toBe(false);
  });
});
