/**
 * The unit as a planned part leaves it: the part's planned entries applied to the slice with the
 * register's own `applyEntry` under provisional seqs (above every seq the slice knows, so the order
 * of ids is the order registering will give them). The rules check later parts of a combined case
 * against this, and registering records exactly these entries.
 */
import { type Finding, ok, type Result } from "../../result";
import type { CaseDraft } from "../case-draft";
import { entryContents, type PartPlan, type PlanContext } from "./part-plan";
import { planPart } from "./part-planner";
import { applyToSlice, lastSeqOf, type UnitSlice } from "./unit-slice";

export type ProjectedPart = { plan: PartPlan; slice: UnitSlice };

/** The plan of the part and the slice after it, or why it cannot be registered on this unit. */
export function projectPart(
  draft: CaseDraft,
  slice: UnitSlice,
  ctx: PlanContext & { at: string },
): Result<ProjectedPart, Finding[]> {
  const plan = planPart(draft, slice, ctx);
  if (!plan.ok) return plan;
  const after = applyToSlice(slice, entryContents(plan.value.entries, ctx.at, lastSeqOf(slice) + 1));
  if (!after.ok) return after;
  return ok({ plan: plan.value, slice: after.value });
}
