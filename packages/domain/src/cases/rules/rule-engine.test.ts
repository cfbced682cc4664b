import { describe, expect, it } from "vitest";
import type { CaseDraft } from "../case-draft";
import { blocksOf, ctx, draft, mortgage, party, seizure, unit } from "../testing/given";
import { presaleSlice, registered, restriction, rightRecord } from "../testing/slice";
import type { UnitState } from "../unit-state";
import { blocking } from "./rule";
import {
  type CombinedDraft,
  evaluateCombined,
  evaluateRules,
  instantRoute,
  RULES,
  rulesFor,
} from "./rule-engine";

describe("evaluateRules", () => {
  it("has one rule for each of R1 … R29, in order", () => {
    expect(RULES.map((r) => r.id)).toEqual(Array.from({ length: 29 }, (_, i) => `R${i + 1}`));
  });

  it("runs only the rules that concern the type", () => {
    expect(rulesFor("transfer.sale")).toEqual(
      expect.arrayContaining(["R5", "R6", "R7", "R10", "R12", "R13", "R22"]),
    );
    expect(rulesFor("seizure.seize")).not.toContain("R7");
    expect(rulesFor("mortgage.cancel")).not.toContain("R10");
  });

  it("returns every problem of every rule at once (R29 一次性告知)", () => {
    const messy = draft("transfer.sale", {
      parties: [party("buyer", "right-holder"), party("seller", "obligor", { signed: false })],
      materials: [],
    });
    const state = unit({ seizures: [seizure()], mortgages: [mortgage({ transferBan: true })] });
    const rules = new Set(blocking(evaluateRules(messy, state, ctx())).map((f) => f.rule));
    expect([...rules].sort()).toEqual(["R13", "R29", "R4", "R7"]);
  });
});

const sale = (buyer = "buyer", seller = "seller", overrides: Partial<CaseDraft> = {}) =>
  draft("transfer.sale", { parties: [party(buyer, "right-holder"), party(seller, "obligor")], ...overrides });
const newMortgage = (bank: string, mortgagor: string, overrides: Partial<CaseDraft> = {}) =>
  draft("mortgage.first.general", {
    parties: [party(bank, "right-holder"), party(mortgagor, "obligor")],
    mortgage: { amount: 150_000_000 },
    ...overrides,
  });
const combined = (combinedTypeId: string, ...parts: CaseDraft[]): CombinedDraft => ({
  combinedTypeId,
  parts,
});

describe("combined cases", () => {
  it("checks the buyer's mortgage against the buyer as holder after the sale (二手房按揭)", () => {
    const parts = [sale(), newMortgage("bank-new", "buyer")];
    const findings = evaluateCombined(
      combined("combined.resale-with-mortgage", ...parts),
      registered(),
      ctx(),
    );
    expect(blocking(findings)).toEqual([]);
    // Alone, the same mortgage draft is refused: the buyer is not yet the holder (R5).
    expect(blocksOf(evaluateRules(parts[1]!, unit(), ctx()), "R5")).toHaveLength(1);
    expect(instantRoute(parts, findings).route).toBe("human");
  });

  it("marks each finding with its part", () => {
    const parts = [sale("buyer", "seller", { taxCleared: false }), newMortgage("bank-new", "buyer")];
    const findings = evaluateCombined(
      combined("combined.resale-with-mortgage", ...parts),
      registered(),
      ctx({ stage: "register" }),
    );
    expect(blocking(findings).map((f) => [f.part, f.code])).toEqual([[0, "R22.DEED_TAX"]]);
  });

  it("refuses parts that do not match the catalogue as a programmer error", () => {
    expect(() =>
      evaluateCombined(
        combined("combined.resale-with-mortgage", newMortgage("b", "buyer"), sale()),
        registered(),
        ctx(),
      ),
    ).toThrow(RangeError);
  });

  describe("带押过户 under a mortgage registered before the Civil Code (R13)", () => {
    const state = registered({
      encumbrances: [
        restriction("mortgage", 10, "bank", {
          registeredAt: "2019-08-01T02:00:00.000Z",
          particulars: { mortgagorKeys: "seller" },
        }),
      ],
    });
    const cancelOld = draft("mortgage.cancel", { mortgage: { targetMortgageId: "10" } });

    it("passes in the combined mode: the old mortgagee cancels in the same case and so consents", () => {
      const parts = [sale(), newMortgage("bank-new", "buyer"), cancelOld];
      const findings = evaluateCombined(
        combined("combined.sale-with-mortgage.combined", ...parts),
        state,
        ctx(),
      );
      expect(blocking(findings)).toEqual([]);
    });

    it("needs the old mortgagee's written consent in the segmented mode", () => {
      // The new loan names the old mortgage it repays (R13.WHICH_OLD_MORTGAGE otherwise).
      const parts = [
        sale(),
        newMortgage("bank-new", "buyer", { mortgage: { amount: 150_000_000, repaysMortgageId: "10" } }),
      ];
      const refused = evaluateCombined(
        combined("combined.sale-with-mortgage.segmented", ...parts),
        state,
        ctx(),
      );
      expect(blocking(refused).map((f) => f.code)).toEqual(["R13.MORTGAGEE_CONSENT"]);
      const consent = { kind: "mortgagee" as const, personId: "bank", refId: "10" };
      const withConsent = [sale("buyer", "seller", { consents: [consent] }), parts[1]!];
      expect(
        blocking(
          evaluateCombined(combined("combined.sale-with-mortgage.segmented", ...withConsent), state, ctx()),
        ),
      ).toEqual([]);
    });

    it("passes in the mortgage-change mode with the same lender taking the buyer as mortgagor", () => {
      const change = draft("mortgage.change", {
        parties: [party("bank", "right-holder"), party("buyer", "obligor")],
        mortgage: { targetMortgageId: "10" },
      });
      const findings = evaluateCombined(
        combined("combined.sale-with-mortgage.change", sale(), change),
        state,
        ctx(),
      );
      expect(blocking(findings)).toEqual([]);
    });
  });

  const presale: UnitState = unit({
    firstRegistered: false,
    rights: [],
    landRight: { registered: true, holderIds: ["developer"] },
  });

  it("files both presale notices together (双预告)", () => {
    const buy = draft("advance-notice.presale-sale", {
      parties: [party("buyer", "right-holder"), party("developer", "obligor")],
    });
    const pledge = draft("advance-notice.presale-mortgage", {
      parties: [party("bank", "right-holder"), party("buyer", "obligor")],
    });
    const findings = evaluateCombined(
      combined("combined.double-advance-notice", buy, pledge),
      presaleSlice(),
      ctx(),
    );
    expect(blocking(findings)).toEqual([]);
    expect(instantRoute([buy, pledge], findings).route).toBe("automatic");
    // The mortgage notice alone has no purchase notice behind it.
    expect(blocksOf(evaluateRules(pledge, presale, ctx()), "R5").map((f) => f.code)).toEqual([
      "R5.NOT_THE_BUYER",
    ]);
  });

  it("converts both notices after the developer's first registration (预转本), only naming them", () => {
    const notice = (seq: number, holderId: string, noticeKind: string, obligor: string) =>
      restriction("advance-notice", seq, holderId, {
        registeredAt: "2024-05-01T02:00:00.000Z",
        endsOn: null,
        particulars: {
          noticeKind,
          holderKeys: "",
          obligorKeys: obligor,
          registrablePossibleOn: "2025-05-20",
        },
      });
    const developerHolds = registered({
      rights: [rightRecord(["developer"])],
      encumbrances: [
        notice(30, "buyer", "presale-sale", "developer"),
        notice(31, "bank", "presale-mortgage", "buyer"),
      ],
    });
    const transfer = sale("buyer", "developer", { fromAdvanceNoticeId: "30" });
    const loan = newMortgage("bank", "buyer", { fromAdvanceNoticeId: "31" });
    const findings = evaluateCombined(
      combined("combined.advance-notice-conversion", transfer, loan),
      developerHolds,
      ctx(),
    );
    expect(blocking(findings)).toEqual([]);
    const unnamed = evaluateCombined(
      combined("combined.advance-notice-conversion", transfer, newMortgage("bank", "buyer")),
      developerHolds,
      ctx(),
    );
    expect(blocking(unnamed).map((f) => f.code)).toEqual(["R11.WHICH_NOTICE"]);
  });

  it("registers the developer's building and the buyer's transfer together (首转同步)", () => {
    const first = draft("first.house.state-land", {
      parties: [party("developer", "right-holder")],
      right: { rightType: "4", use: "0701" },
    });
    const findings = evaluateCombined(
      combined("combined.first-and-transfer", first, sale("buyer", "developer")),
      presaleSlice(),
      ctx(),
    );
    expect(blocking(findings)).toEqual([]);
  });

  it("registers an inheritance and the heirs' sale together (R2)", () => {
    const inherit = draft("transfer.inheritance");
    const findings = evaluateCombined(
      combined("combined.inheritance-and-sale", inherit, sale("buyer", "heir-1")),
      registered(),
      ctx(),
    );
    expect(blocking(findings)).toEqual([]);
  });

  it("lets a judicial auction through when the first court disposes of the whole unit (R7, R8)", () => {
    const state = registered({
      encumbrances: [
        restriction("mortgage", 10, "bank", { particulars: { mortgagorKeys: "seller" } }),
        restriction("seizure", 20, "court-a", {
          particulars: { court: "court-a", deliveredAt: "2025-01-10T09:00:00+08:00" },
          startsOn: "2025-01-10",
          endsOn: "2028-01-10",
        }),
        restriction("seizure", 21, "court-b", {
          status: "waiting",
          rank: 2,
          particulars: { court: "court-b", deliveredAt: "2025-03-01T09:00:00+08:00" },
          startsOn: "2025-03-01",
          endsOn: "2028-03-01",
        }),
      ],
    });
    const release = (wholeUnit: boolean) =>
      draft("seizure.release", {
        seizure: {
          court: "court-a",
          deliveredAt: "2025-06-10T09:00:00+08:00",
          periodStart: "2025-06-10",
          periodEnd: "2025-06-10",
          targetSeizureId: "20",
        },
        ...(wholeUnit ? { decision: { court: "court-a", wholeUnit } } : {}),
      });
    const cancel = draft("mortgage.cancel", {
      parties: [party("court-a", "instructing-authority")],
      mortgage: { targetMortgageId: "10" },
    });
    const award = draft("transfer.decision", {
      parties: [party("buyer", "right-holder")],
      decision: { court: "court-a", wholeUnit: true },
    });
    const whole = evaluateCombined(
      combined("combined.judicial-auction", release(true), cancel, award),
      state,
      ctx(),
    );
    expect(blocking(whole)).toEqual([]);
    const partial = evaluateCombined(
      combined("combined.judicial-auction", release(false), cancel, award),
      state,
      ctx(),
    );
    expect(blocking(partial).map((f) => [f.part, f.code])).toEqual([[2, "R7.UNIT_SEIZED"]]);
  });
});

describe("instant registration (即时办结)", () => {
  it("registers a clean mortgage with no human step", () => {
    const d = newMortgage("bank", "seller");
    expect(instantRoute([d], evaluateRules(d, unit(), ctx()))).toEqual({ route: "automatic" });
  });

  it("sends a mortgage with an objection on the unit to a reviewer", () => {
    const d = newMortgage("bank", "seller");
    const state = unit({
      objections: [
        {
          id: "o-1",
          applicantId: "x",
          matter: "m",
          grounds: "g",
          registeredOn: "2025-06-05",
          status: "effective",
        },
      ],
    });
    const route = instantRoute([d], evaluateRules(d, state, ctx()));
    expect(route.route).toBe("human");
  });

  it("takes a seizure instantly only from a court account", () => {
    const order = {
      court: "court-a",
      deliveredAt: "2025-06-10T09:00:00+08:00",
      periodStart: "2025-06-10",
      periodEnd: "2027-06-10",
    };
    const fromCourt = draft("seizure.seize", {
      seizure: order,
      submittedBy: { kind: "institution", institutionKind: "court" },
    });
    expect(instantRoute([fromCourt], evaluateRules(fromCourt, unit(), ctx())).route).toBe("automatic");
    const atCounter = { ...fromCourt, submittedBy: { kind: "staff" as const, institutionKind: null } };
    expect(instantRoute([atCounter], evaluateRules(atCounter, unit(), ctx())).route).toBe("human");
  });

  it("changes a holder's name instantly only when verified against e-licence data", () => {
    const verified = draft("change.holder-name", {
      materials: draft("change.holder-name").materials.map((m) =>
        m.id === "change-proof" ? { ...m, source: "e-licence" as const } : m,
      ),
    });
    expect(instantRoute([verified], evaluateRules(verified, unit(), ctx())).route).toBe("automatic");
    const paper = draft("change.holder-name");
    expect(instantRoute([paper], evaluateRules(paper, unit(), ctx())).route).toBe("human");
  });

  it("never takes a sale instantly", () => {
    const d = sale();
    expect(instantRoute([d], evaluateRules(d, unit(), ctx()))).toEqual({
      route: "human",
      reasons: ["transfer.sale: not eligible for instant registration"],
    });
  });
});
