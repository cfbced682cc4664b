import { describe, expect, it } from "vitest";
import { blocksOf, ctx, draft, mortgage, ofRule, party, right, seizure, unit } from "../testing/given";
import { maximumMortgageFixingTriggers } from "./mortgage.rules";
import { evaluateRules } from "./rule-engine";

describe("R13 mortgage follows the property", () => {
  it("allows a sale of a mortgaged flat without the mortgagee: the mortgage stays (R13)", () => {
    const findings = evaluateRules(draft("transfer.sale"), unit({ mortgages: [mortgage()] }), ctx());
    expect(ofRule(findings, "R13").map((f) => [f.code, f.severity])).toEqual([
      ["R13.MORTGAGE_STAYS", "info"],
    ]);
  });

  it("refuses a sale where the register records a transfer ban, unless the mortgagee consents (R13)", () => {
    const state = unit({ mortgages: [mortgage({ transferBan: true })] });
    expect(blocksOf(evaluateRules(draft("transfer.sale"), state, ctx()), "R13")).toHaveLength(1);
    const consented = draft("transfer.sale", {
      consents: [{ kind: "mortgagee", personId: "bank", refId: "mortgage-1" }],
    });
    expect(blocksOf(evaluateRules(consented, state, ctx()), "R13")).toEqual([]);
  });

  it("refuses a sale under a mortgage registered before 2021-01-01 without consent (R13)", () => {
    const state = unit({ mortgages: [mortgage({ registeredOn: "2020-12-31" })] });
    expect(blocksOf(evaluateRules(draft("transfer.sale"), state, ctx()), "R13")[0]?.code).toBe(
      "R13.MORTGAGEE_CONSENT",
    );
  });
});

describe("R14 rank", () => {
  const state = unit({
    mortgages: [mortgage(), mortgage({ id: "mortgage-2", mortgageeId: "bank-2", rank: 2 })],
  });
  const raise = (consents = [] as { kind: "later-mortgagee"; personId: string }[]) =>
    draft("mortgage.change", {
      mortgage: { targetMortgageId: "mortgage-1", amount: 200_000_000 },
      consents,
    });

  it("refuses raising the first mortgage's amount without the later mortgagee's consent (R14)", () => {
    expect(blocksOf(evaluateRules(raise(), state, ctx()), "R14").map((f) => f.code)).toEqual([
      "R14.LATER_RANK_CONSENT",
    ]);
  });

  it("allows it with that consent, and ranks a new mortgage after the existing ones (R14)", () => {
    expect(
      blocksOf(evaluateRules(raise([{ kind: "later-mortgagee", personId: "bank-2" }]), state, ctx()), "R14"),
    ).toEqual([]);
    const third = evaluateRules(draft("mortgage.first.general"), state, ctx());
    expect(ofRule(third, "R14")[0]?.message_en).toBe("Registered in order of acceptance: rank 3");
  });
});

describe("R15 not mortgageable", () => {
  it("refuses a mortgage of a homestead and allows one of a commodity flat (R15)", () => {
    const homestead = unit({ rights: [right({ kind: "homestead+house" })] });
    expect(blocksOf(evaluateRules(draft("mortgage.first.general"), homestead, ctx()), "R15")[0]?.basis).toBe(
      "民法典 第399条第2项",
    );
    expect(ofRule(evaluateRules(draft("mortgage.first.general"), unit(), ctx()), "R15")).toEqual([]);
  });

  it("refuses mortgages of land ownership, public-interest facilities and disputed property (R15)", () => {
    const codes = (state: Parameters<typeof evaluateRules>[1]) =>
      blocksOf(evaluateRules(draft("mortgage.first.general"), state, ctx()), "R15").map((f) => f.code);
    expect(codes(unit({ rights: [right({ kind: "land-ownership" })] }))).toEqual(["R15.LAND_OWNERSHIP"]);
    expect(codes(unit({ publicInterest: true }))).toEqual(["R15.PUBLIC_INTEREST"]);
    expect(codes(unit({ disputed: true }))).toEqual(["R15.DISPUTED"]);
  });
});

describe("R16 building under construction", () => {
  const site = unit({
    unitCode: "440106005003GB00012F00010000",
    firstRegistered: false,
    rights: [],
    plannedUnits: [
      { unitCode: "U-101", presaleFiled: true, advanceNotice: false },
      { unitCode: "U-102", presaleFiled: false, advanceNotice: false },
    ],
  });

  it("refuses a construction mortgage over a unit already filed for presale, allows the rest (R16)", () => {
    const over = (units: string[]) =>
      evaluateRules(
        draft("mortgage.first.construction", { mortgage: { collateralUnits: units } }),
        site,
        ctx(),
      );
    expect(blocksOf(over(["U-101", "U-102"]), "R16")[0]?.message_en).toContain("U-101");
    expect(blocksOf(over(["U-102"]), "R16")).toEqual([]);
  });

  it("refuses the building's first registration that leaves its construction mortgage unconverted (R16)", () => {
    const built = { ...site, mortgages: [mortgage({ construction: true })] };
    const first = draft("first.house.state-land", { parties: [party("seller", "right-holder")] });
    expect(blocksOf(evaluateRules(first, built, ctx()), "R16").map((f) => f.code)).toEqual([
      "R16.CONVERT_ON_COMPLETION",
    ]);
    const combined = ctx({
      combined: { typeIds: ["first.house.state-land", "mortgage.convert-construction"], partyIds: [] },
    });
    expect(blocksOf(evaluateRules(first, built, combined), "R16")).toEqual([]);
  });
});

describe("R17 maximum-amount mortgage", () => {
  const maximum = mortgage({ method: "maximum", registeredOn: "2023-06-01" });

  it("refuses moving an unfixed maximum-amount mortgage with part of the debt (R17)", () => {
    const transfer = draft("mortgage.transfer", {
      parties: [party("bank-2", "right-holder"), party("bank", "obligor")],
      mortgage: { targetMortgageId: "mortgage-1" },
    });
    expect(blocksOf(evaluateRules(transfer, unit({ mortgages: [maximum] }), ctx()), "R17")[0]?.basis).toBe(
      "民法典 第421条",
    );
    const fixed = unit({ mortgages: [{ ...maximum, fixed: true }] });
    expect(blocksOf(evaluateRules(transfer, fixed, ctx()), "R17")).toEqual([]);
  });

  it("refuses fixing on request until two full years have run and allows it after (R17)", () => {
    const fix = draft("mortgage.fix", {
      mortgage: { targetMortgageId: "mortgage-1", fixingEvent: "two-years-request" },
    });
    const state = unit({ mortgages: [maximum] });
    expect(blocksOf(evaluateRules(fix, state, ctx({ today: "2025-06-01" })), "R17")[0]?.code).toBe(
      "R17.NO_FIXING_EVENT",
    );
    expect(blocksOf(evaluateRules(fix, state, ctx({ today: "2025-06-02" })), "R17")).toEqual([]);
  });

  it("lists the seizure as a fixing event once the unit is seized (R17)", () => {
    const state = unit({ mortgages: [maximum], seizures: [seizure()] });
    expect(maximumMortgageFixingTriggers(state, "2025-03-01", true).map((t) => t.event)).toEqual([
      "seizure-known",
    ]);
    const fix = draft("mortgage.fix", {
      mortgage: { targetMortgageId: "mortgage-1", fixingEvent: "seizure-known" },
    });
    expect(blocksOf(evaluateRules(fix, state, ctx({ today: "2025-03-01" })), "R17")).toEqual([]);
  });
});
