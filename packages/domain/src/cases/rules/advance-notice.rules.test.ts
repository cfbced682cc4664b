import { describe, expect, it } from "vitest";
import { blocksOf, ctx, draft, ofRule, party, unit } from "../testing/given";
import type { AdvanceNoticeView } from "../unit-state";
import { evaluateRules } from "./rule-engine";

const notice = (overrides: Partial<AdvanceNoticeView> = {}): AdvanceNoticeView => ({
  id: "notice-1",
  kind: "sale",
  holderIds: ["buyer"],
  obligorIds: ["seller"],
  registeredOn: "2025-03-01",
  status: "effective",
  ...overrides,
});

describe("R10 advance notice", () => {
  const toOther = draft("transfer.sale", {
    parties: [party("other-buyer", "right-holder"), party("seller", "obligor")],
  });

  it("refuses a sale to someone else without the notice holder's written consent (R10)", () => {
    const findings = evaluateRules(toOther, unit({ advanceNotices: [notice()] }), ctx());
    expect(blocksOf(findings, "R10")[0]?.basis).toBe("民法典 第221条；细则 第85条");
  });

  it("allows it with the holder's written consent on file (R10)", () => {
    const consented = {
      ...toOther,
      consents: [{ kind: "advance-notice-holder" as const, personId: "buyer", refId: "notice-1" }],
    };
    expect(ofRule(evaluateRules(consented, unit({ advanceNotices: [notice()] }), ctx()), "R10")).toEqual([]);
  });

  it("no longer protects the buyer once the notice lapsed (R10, R11)", () => {
    const lapsed = notice({ registrablePossibleOn: "2025-01-02" });
    expect(ofRule(evaluateRules(toOther, unit({ advanceNotices: [lapsed] }), ctx()), "R10")).toEqual([]);
  });
});

describe("R11 advance notice lapse and conversion (预转本)", () => {
  const conversion = (holder = "buyer") =>
    draft("transfer.sale", {
      fromAdvanceNoticeId: "notice-1",
      parties: [party(holder, "right-holder"), party("seller", "obligor")],
    });

  it("refuses a conversion after the 90 days ran out (R11)", () => {
    // Registration became possible on 2025-03-01; 90 days end on 2025-05-30.
    const state = unit({ advanceNotices: [notice({ registrablePossibleOn: "2025-03-01" })] });
    const findings = evaluateRules(conversion(), state, ctx({ today: "2025-06-03" }));
    expect(blocksOf(findings, "R11").map((f) => f.code)).toEqual(["R11.NOT_VALID"]);
  });

  it("allows the conversion within the 90 days to the same buyer (R11)", () => {
    const state = unit({ advanceNotices: [notice({ registrablePossibleOn: "2025-03-01" })] });
    const findings = evaluateRules(conversion(), state, ctx({ today: "2025-05-30" }));
    expect(blocksOf(findings, "R11")).toEqual([]);
    // The conversion is the notice's purpose, not a disposal against it.
    expect(ofRule(findings, "R10")).toEqual([]);
  });

  it("refuses a conversion to a different buyer (R11)", () => {
    const findings = evaluateRules(conversion("other-buyer"), unit({ advanceNotices: [notice()] }), ctx());
    expect(blocksOf(findings, "R11").map((f) => f.code)).toEqual(["R11.OTHER_HOLDER"]);
  });

  it("refuses to convert a purchase notice into a mortgage (R11)", () => {
    const mortgage = draft("mortgage.first.general", {
      fromAdvanceNoticeId: "notice-1",
      parties: [party("buyer", "right-holder"), party("seller", "obligor")],
    });
    const findings = evaluateRules(mortgage, unit({ advanceNotices: [notice()] }), ctx());
    expect(blocksOf(findings, "R11").map((f) => f.code)).toEqual(["R11.WRONG_KIND"]);
  });
});
