import { BUSINESS_TYPES, type DraftMaterial, evaluateRules, type RuleStage } from "@yulin/domain";
import { ctx, draft, unit } from "@yulin/domain/cases/testing/given";
import { describe, expect, it } from "vitest";
import { findServiceGuide } from "./catalogue";

/**
 * 零材料: the guide tells the applicant what is fetched (免提交) and what is needed only later; rule
 * R29 (and R25) must say the same for every business type, or the applicant is told one thing and
 * blocked by another.
 */
describe("the service guide and the material rules read one catalogue", () => {
  const materialBlocks = (
    typeId: string,
    materials: DraftMaterial[],
    stage: RuleStage,
    taxCleared: boolean,
  ): string[] =>
    evaluateRules(draft(typeId, { materials, taxCleared }), unit(), ctx({ stage }))
      .filter((f) => f.severity === "block" && /^R(29|25)\.MATERIAL\./.test(f.code))
      .map((f) => f.code.replace(/^R\d+\.MATERIAL\./, ""));

  for (const type of BUSINESS_TYPES)
    it(`agrees for ${type.id} (${type.name_zh})`, () => {
      const guide = findServiceGuide(type.id)!;
      for (const m of guide.materials) {
        // Everything else supplied as the guide says: uploads for the rest, fetched records for 免提交.
        const others: DraftMaterial[] = guide.materials
          .filter((o) => o.id !== m.id)
          .map((o) => ({ id: o.id, source: o.fetched ? "e-licence" : "upload" }));
        const missing = (stage: RuleStage, taxCleared = false) =>
          materialBlocks(type.id, others, stage, taxCleared).includes(m.id);
        const alternatives = type.materials.find((r) => r.id === m.id)?.anyOf?.length ?? 0;
        const conditional = m.when !== null || alternatives > 0;
        if (m.fetched) {
          // A fetched material counts when recorded from its department.
          const fetched: DraftMaterial[] = [...others, { id: m.id, source: "e-licence" }];
          expect(materialBlocks(type.id, fetched, "register", false), m.id).not.toContain(m.id);
        }
        if (m.fetched === "tax") {
          // The tax office's confirmation is the proof: asked for before registering only.
          expect(missing("submit"), `${m.id} at submit`).toBe(false);
          expect(missing("register", true), `${m.id} once cleared`).toBe(false);
        }
        if (m.requiredAt === "register") expect(missing("submit"), `${m.id} at submit`).toBe(false);
        if (!conditional && m.requiredAt === "submit")
          expect(missing("submit"), `${m.id} is required at submit`).toBe(true);
        if (!conditional && m.fetched !== "tax")
          expect(missing("register"), `${m.id} is required before registering`).toBe(true);
      }
    });
});
