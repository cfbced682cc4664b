/**
 * The unit as a planned part leaves it: the part's planned entries applied to the slice with the
 * register's own `applyEntry` under provisional seqs (above every seq the slice knows, so the order
 * of ids is the order registering will give them). The rules check later parts of a combined case
 * against this, and registering records exactly these entries.
 */
import { type Finding, ok, type Result } from "../../result";
import type { CaseDraft } from "../case-draft";
import { entryContents, type PartPlan, type PlanContext, withCertificateNumber } from "./part-plan";
import { planPart } from "./part-planner";
import { applyToSlice, lastSeqOf, type UnitSlice } from "./unit-slice";

export type ProjectedPart = { plan: PartPlan; slice: UnitSlice };

/**
 * The number a planned certificate stands under until registering allocates the real one (gapless
 * numbers are taken at the very end of the registering transaction, never while checking).
 */
export const provisionalCertificateNumber = (caseId: string): string => `待编号（业务号 ${caseId}）`;

/** The plan of the part and the slice after it, or why it cannot be registered on this unit. */
export function projectPart(
  draft: CaseDraft,
  slice: UnitSlice,
  ctx: PlanContext & { at: string },
): Result<ProjectedPart, Finding[]> {
  const plan = planPart(draft, slice, ctx);
  if (!plan.ok) return plan;
  const { entries, certificate } = plan.value;
  const numbered = entries.map((e, i) =>
    i === certificate?.entryIndex ? withCertificateNumber(e, provisionalCertificateNumber(ctx.caseId)) : e,
  );
  const after = applyToSlice(slice, entryContents(numbered, ctx.at, lastSeqOf(slice) + 1));
  if (!after.ok) return after;
  return ok({ plan: plan.value, slice: after.value });
}
