import { describe, expect, it } from "vitest";
import { blocksOf, CERTIFICATE, ctx, draft, ofRule, party, right, unit } from "../testing/given";
import { evaluateRules } from "./rule-engine";

describe("R1 the register decides", () => {
  it("refuses a transfer of a right not yet recorded in the register (R1)", () => {
    const state = unit({ rights: [right({ status: "provisional" })] });
    const findings = evaluateRules(draft("transfer.sale"), state, ctx());
    expect(blocksOf(findings, "R1").map((f) => f.code)).toEqual(["R1.NOT_YET_RECORDED"]);
  });

  it("refuses a certificate that differs from the register, and allows the registered one (R1)", () => {
    const wrong = evaluateRules(
      draft("transfer.sale", { presentedCertificate: "粤（2020）广州市不动产权第0009999号" }),
      unit(),
      ctx(),
    );
    expect(blocksOf(wrong, "R1")[0]?.basis).toBe("民法典 第217条");
    const right = evaluateRules(draft("transfer.sale", { presentedCertificate: CERTIFICATE }), unit(), ctx());
    expect(ofRule(right, "R1")).toEqual([]);
  });
});

describe("R2 first registration first", () => {
  it("refuses a mortgage on a unit without its first registration (R2)", () => {
    const findings = evaluateRules(
      draft("mortgage.first.general"),
      unit({ firstRegistered: false, rights: [] }),
      ctx(),
    );
    expect(blocksOf(findings, "R2").map((f) => f.code)).toEqual(["R2.NO_FIRST_REGISTRATION"]);
  });

  it("allows a presale purchase notice on an unregistered unit, the statutory exception (R2)", () => {
    const state = unit({
      firstRegistered: false,
      rights: [],
      landRight: { registered: true, holderIds: ["seller"] },
    });
    const findings = evaluateRules(draft("advance-notice.presale-sale"), state, ctx());
    expect(blocksOf(findings, "R2")).toEqual([]);
  });

  it("refuses a sale by an heir whose inheritance is not registered (R2)", () => {
    const parties = [
      party("buyer", "right-holder"),
      party("heir-1", "obligor", { unregisteredAcquisition: "inheritance" }),
    ];
    const findings = evaluateRules(draft("transfer.sale", { parties }), unit(), ctx());
    expect(blocksOf(findings, "R2")[0]?.basis).toBe("民法典 第232条");
  });
});

describe("R3 house and land together", () => {
  const newBuilding = unit({
    firstRegistered: false,
    rights: [],
    landRight: { registered: true, holderIds: ["developer"] },
  });

  it("refuses a building's first registration to someone other than the land holder (R3)", () => {
    const findings = evaluateRules(
      draft("first.house.state-land", { parties: [party("someone-else", "right-holder")] }),
      newBuilding,
      ctx(),
    );
    expect(blocksOf(findings, "R3").map((f) => f.code)).toEqual(["R3.HOLDER_SPLIT"]);
  });

  it("refuses a building's first registration before its land right is registered (R3)", () => {
    const state = { ...newBuilding, landRight: { registered: false, holderIds: [] } };
    const findings = evaluateRules(
      draft("first.house.state-land", { parties: [party("developer", "right-holder")] }),
      state,
      ctx(),
    );
    expect(blocksOf(findings, "R3").map((f) => f.code)).toEqual(["R3.LAND_NOT_REGISTERED"]);
  });

  it("allows the building's first registration to the land holder (R3)", () => {
    const findings = evaluateRules(
      draft("first.house.state-land", { parties: [party("developer", "right-holder")] }),
      newBuilding,
      ctx(),
    );
    expect(ofRule(findings, "R3")).toEqual([]);
  });

  it("refuses a sale of the house without its land (R3)", () => {
    const findings = evaluateRules(draft("transfer.sale", { scope: "house-only" }), unit(), ctx());
    expect(blocksOf(findings, "R3").map((f) => f.code)).toEqual(["R3.SPLITS_HOUSE_AND_LAND"]);
  });
});

describe("R4 who applies", () => {
  it("refuses a sale the seller has not signed (R4)", () => {
    const parties = [party("buyer", "right-holder"), party("seller", "obligor", { signed: false })];
    const findings = evaluateRules(draft("transfer.sale", { parties }), unit(), ctx());
    expect(blocksOf(findings, "R4").map((f) => f.code)).toEqual(["R4.UNSIGNED_OBLIGOR"]);
  });

  it("refuses a sale the buyer applies for alone (R4)", () => {
    const findings = evaluateRules(
      draft("transfer.sale", { parties: [party("buyer", "right-holder")] }),
      unit(),
      ctx(),
    );
    expect(blocksOf(findings, "R4").map((f) => f.code)).toEqual(["R4.MISSING_OBLIGOR"]);
  });

  it("allows the mortgagee alone to cancel its mortgage (R4)", () => {
    const state = unit({ mortgages: [{ ...baseMortgage }] });
    const findings = evaluateRules(
      draft("mortgage.cancel", { mortgage: { targetMortgageId: "m-1" } }),
      state,
      ctx(),
    );
    expect(blocksOf(findings, "R4")).toEqual([]);
  });

  it("lets the buyer apply alone for a presale notice the developer refuses (R4, 细则 86)", () => {
    const parties = [party("buyer", "right-holder"), party("seller", "obligor", { signed: false })];
    const state = unit({ firstRegistered: false, rights: [] });
    const refused = evaluateRules(draft("advance-notice.presale-sale", { parties }), state, ctx());
    expect(blocksOf(refused, "R4")).toHaveLength(1);
    const alone = evaluateRules(
      draft("advance-notice.presale-sale", { parties, developerRefused: true }),
      state,
      ctx(),
    );
    expect(ofRule(alone, "R4").map((f) => [f.code, f.severity])).toEqual([["R4.APPLIES_ALONE", "info"]]);
  });

  it("refuses a seizure entered by a citizen account instead of a court (R4)", () => {
    const seize = draft("seizure.seize", {
      submittedBy: { kind: "citizen", institutionKind: null },
      seizure: {
        court: "court-a",
        deliveredAt: "2025-06-10T10:00:00+08:00",
        periodStart: "2025-06-10",
        periodEnd: "2028-06-10",
      },
    });
    expect(blocksOf(evaluateRules(seize, unit(), ctx()), "R4").map((f) => f.code)).toEqual([
      "R4.NOT_AN_AUTHORITY",
    ]);
  });
});

const baseMortgage = {
  id: "m-1",
  mortgageeId: "bank",
  mortgagorIds: ["seller"],
  method: "general" as const,
  amount: 1_000_000_00,
  rank: 1,
  registeredOn: "2022-01-05",
  transferBan: false,
  status: "current" as const,
};
