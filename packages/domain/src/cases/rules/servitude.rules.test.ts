import { describe, expect, it } from "vitest";
import { blocksOf, ctx, draft, ofRule, party, right, unit } from "../testing/given";
import type { HabitationView } from "../unit-state";
import { evaluateRules } from "./rule-engine";

const habitation = (overrides: Partial<HabitationView> = {}): HabitationView => ({
  id: "habitation-1",
  holderId: "mother",
  termEnd: "2030-12-31",
  status: "current",
  ...overrides,
});

describe("R18 habitation right", () => {
  it("refuses to transfer or inherit a habitation right (R18)", () => {
    const inherit = draft("transfer.inheritance", { habitation: { targetId: "habitation-1" } });
    const findings = evaluateRules(inherit, unit({ habitations: [habitation()] }), ctx());
    expect(blocksOf(findings, "R18").map((f) => f.code)).toEqual(["R18.NOT_TRANSFERABLE"]);
  });

  it("allows a sale of the home, and the habitation right stays (R18)", () => {
    const findings = evaluateRules(draft("transfer.sale"), unit({ habitations: [habitation()] }), ctx());
    expect(ofRule(findings, "R18").map((f) => [f.code, f.severity])).toEqual([["R18.RIGHT_STAYS", "info"]]);
  });

  it("refuses a habitation right on a shop and allows it on a flat (R18)", () => {
    const create = draft("habitation.create", { termEnd: "2040-01-01" });
    expect(blocksOf(evaluateRules(create, unit({ use: "non-residential" }), ctx()), "R18")[0]?.code).toBe(
      "R18.NOT_A_DWELLING",
    );
    expect(blocksOf(evaluateRules(create, unit(), ctx()), "R18")).toEqual([]);
  });

  it("refuses to cancel a habitation right before its term ends, allows it after (R18)", () => {
    const cancel = draft("habitation.cancel", {
      parties: [party("seller", "obligor")],
      habitation: { targetId: "habitation-1", ended: "term" },
    });
    const state = unit({ habitations: [habitation({ termEnd: "2025-06-30" })] });
    expect(blocksOf(evaluateRules(cancel, state, ctx()), "R18")[0]?.code).toBe("R18.NOT_ENDED");
    expect(blocksOf(evaluateRules(cancel, state, ctx({ today: "2025-07-01" })), "R18")).toEqual([]);
  });
});

describe("R19 easement", () => {
  const servient = unit({
    rights: [right({ termEnd: "2060-12-31", landUse: "industrial" })],
    use: "non-residential",
  });
  const create = (termEnd: string) =>
    draft("easement.create", { termEnd, easement: { dominantUnitCode: "440106005003GB00013W00000000" } });

  it("refuses an easement outlasting the servient use right and allows one within it (R19)", () => {
    expect(blocksOf(evaluateRules(create("2061-01-01"), servient, ctx()), "R19")[0]?.basis).toBe(
      "民法典 第377条",
    );
    const ok = evaluateRules(create("2060-12-31"), servient, ctx());
    expect(blocksOf(ok, "R19")).toEqual([]);
    expect(ofRule(ok, "R19")[0]?.code).toBe("R19.WHERE_RECORDED");
  });

  it("refuses transferring an easement apart from the dominant land, allows it with the land (R19)", () => {
    const state = unit({
      easements: [
        { id: "e-1", side: "dominant", otherUnitCode: "X", termEnd: "2060-01-01", status: "current" },
      ],
    });
    expect(blocksOf(evaluateRules(draft("easement.transfer"), state, ctx()), "R19")[0]?.code).toBe(
      "R19.TRANSFERRED_ALONE",
    );
    const withLand = draft("easement.transfer", {
      easement: { dominantUnitCode: "X", withDominantTransfer: true },
    });
    expect(blocksOf(evaluateRules(withLand, state, ctx()), "R19")).toEqual([]);
  });

  it("refuses mortgaging an easement alone (R19)", () => {
    const mortgage = draft("mortgage.first.general", { mortgage: { collateral: "easement" } });
    expect(blocksOf(evaluateRules(mortgage, servient, ctx()), "R19")[0]?.basis).toBe("民法典 第381条");
  });
});
