import { describe, expect, it } from "vitest";
import { blocksOf, ctx, draft, ofRule, unit } from "../testing/given";
import type { ObjectionView } from "../unit-state";
import { blocking } from "./rule";
import { evaluateRules } from "./rule-engine";

const objection = (overrides: Partial<ObjectionView> = {}): ObjectionView => ({
  id: "objection-1",
  applicantId: "neighbour",
  matter: "房屋权属",
  grounds: "出资购房",
  registeredOn: "2025-06-01",
  status: "effective",
  ...overrides,
});

describe("R12 objection", () => {
  const state = unit({ objections: [objection()] });

  it("holds a sale of a unit under objection until the buyer signs the risk statement, then lets it proceed (R12)", () => {
    const unsigned = evaluateRules(draft("transfer.sale"), state, ctx());
    const warning = ofRule(unsigned, "R12")[0];
    expect(warning?.severity).toBe("warn");
    expect(warning?.commitment).toEqual({ kind: "objection-risk", ref: "objection-1", recorded: false });
    expect(blocking(unsigned).map((f) => f.rule)).toEqual(["R12"]);

    const signed = evaluateRules(
      draft("transfer.sale", {
        riskStatements: [{ objectionId: "objection-1", personId: "buyer", signedOn: "2025-06-10" }],
      }),
      state,
      ctx(),
    );
    expect(ofRule(signed, "R12")[0]?.commitment?.recorded).toBe(true);
    expect(blocking(signed)).toEqual([]);
  });

  it("stops warning once the objection lapsed 15 days after registering without a court filing (R12)", () => {
    // Registered 2025-06-01; the 15th day is 2025-06-16.
    expect(
      ofRule(evaluateRules(draft("transfer.sale"), state, ctx({ today: "2025-06-16" })), "R12"),
    ).toHaveLength(1);
    expect(ofRule(evaluateRules(draft("transfer.sale"), state, ctx({ today: "2025-06-17" })), "R12")).toEqual(
      [],
    );
    const sued = unit({ objections: [objection({ courtAcceptanceFiledOn: "2025-06-12" })] });
    expect(
      ofRule(evaluateRules(draft("transfer.sale"), sued, ctx({ today: "2025-07-01" })), "R12"),
    ).toHaveLength(1);
  });

  it("does not accept a new objection on the same matter and grounds after one lapsed (R12)", () => {
    const lapsed = unit({ objections: [objection({ status: "lapsed" })] });
    const again = draft("objection.create", { objection: { matter: "房屋权属", grounds: "出资购房" } });
    expect(blocksOf(evaluateRules(again, lapsed, ctx()), "R12").map((f) => f.code)).toEqual(["R12.REPEATED"]);
    const newGrounds = draft("objection.create", { objection: { matter: "房屋权属", grounds: "继承" } });
    expect(blocksOf(evaluateRules(newGrounds, lapsed, ctx()), "R12")).toEqual([]);
  });
});
