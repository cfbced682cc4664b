import { describe, expect, it } from "vitest";
import type { CaseDraft } from "../cases/case-draft";
import { BUSINESS_TYPES, requireBusinessType } from "../cases/catalogue";
import { evaluateRules, instantRoute } from "../cases/rules/rule-engine";
import { type CaseState, transition } from "../cases/stage-machine";
import { CALENDAR, ctx, draft, unit } from "../cases/testing/given";
import { caseDeadlines } from "../cases/time-limits";
import type { UnitState } from "../cases/unit-state";
import { generateResidentId, parseResidentId } from "../identifiers/resident-id";

/**
 * 平等对待: every person of a case set gets a resident ID; then only the gender digit of every ID
 * changes (the 17th, odd for men, even for women; the check character follows). No rule, time limit,
 * instant route or stage outcome may change.
 */
const ROLE_IDS = ["seller", "buyer", "bank", "court-a", "heir-1", "legatee-1", "neighbour", "mother"];

const idsFor = (gender: "male" | "female") =>
  new Map(
    ROLE_IDS.map((role, i) => [
      role,
      generateResidentId({
        county: "440106",
        birthDate: `198${i}-0${(i % 9) + 1}-1${i}`,
        sequence: 100 + 2 * i + (gender === "male" ? 1 : 0),
      }),
    ]),
  );
const MEN = idsFor("male");
const WOMEN = idsFor("female");

/** The same JSON value with every role's person key replaced by that person's ID. */
const withIds = <T>(value: T, ids: Map<string, string>): T =>
  JSON.parse(
    JSON.stringify(value).replace(
      /"(seller|buyer|bank|court-a|heir-1|legatee-1|neighbour|mother)"/g,
      (_, r) => `"${ids.get(r)}"`,
    ),
  );

/** Women's IDs read back as the men's, so the two outcomes compare field by field. */
const asMen = (value: unknown): unknown => {
  let text = JSON.stringify(value);
  for (const role of ROLE_IDS) text = text.replaceAll(WOMEN.get(role)!, MEN.get(role)!);
  return JSON.parse(text);
};

/** What the rules and the stage machine make of one case: findings at each stage, route, limits, outcome. */
function outcomeOf(caseDraft: CaseDraft, state: UnitState) {
  const type = requireBusinessType(caseDraft.typeId);
  const stages = (["submit", "accept", "review", "register", "issue"] as const).map((stage) =>
    evaluateRules(caseDraft, state, ctx({ stage })),
  );
  const findings = stages[3] ?? [];
  const reviewed: CaseState = {
    typeId: type.id,
    stage: "reviewed",
    acceptedOn: "2025-06-10",
    pauses: [],
    history: [],
  };
  const registered = transition(
    reviewed,
    { kind: "register", findings },
    "registrar",
    "2025-06-12T10:00:00+08:00",
  );
  return {
    stages,
    instant: instantRoute([caseDraft], stages[0] ?? []),
    limits: caseDeadlines(type, "2025-06-10", [], CALENDAR),
    registered: registered.ok ? registered.value.stage : registered.error,
  };
}

describe("equal treatment (平等对待)", () => {
  it("the IDs differ only in gender", () => {
    for (const role of ROLE_IDS) {
      const [man, woman] = [parseResidentId(MEN.get(role)!), parseResidentId(WOMEN.get(role)!)];
      expect(man.ok && woman.ok).toBe(true);
      if (!man.ok || !woman.ok) continue;
      expect([man.value.sex, woman.value.sex]).toEqual(["male", "female"]);
      expect(man.value.birthDate).toBe(woman.value.birthDate);
      expect(man.value.addressCode).toBe(woman.value.addressCode);
    }
  });

  it.each(BUSINESS_TYPES.map((t) => [t.id]))(
    "%s: no finding, limit, route or outcome changes with gender",
    (typeId) => {
      const caseDraft = draft(typeId);
      const state = unit();
      // The holders of the register (and the parties, where the type has any) do differ.
      expect(withIds(state, MEN)).not.toEqual(withIds(state, WOMEN));
      const men = outcomeOf(withIds(caseDraft, MEN), withIds(state, MEN));
      const women = outcomeOf(withIds(caseDraft, WOMEN), withIds(state, WOMEN));
      expect(asMen(women)).toEqual(men);
    },
  );
});
