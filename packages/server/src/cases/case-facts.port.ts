import type { RequestContext } from "../platform/audit/audit";
import type { Database, Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { canReadCase } from "./case.access";
import { loadBundle } from "./case-bundle";

/**
 * What another capability (the utilities' 1+N) may know of a case: its stage, office and part
 * types, and whether the caller is on the applicant side. CASE.NOT_FOUND when the caller may not
 * read it; the buyer side (the case's creator or a right holder's own account) may choose. `lock`
 * takes `lock` takes the case row `FOR UPDATE` in the caller's transaction (check at commit).
 */
export async function caseFactsFor(db: Database | Tx, ctx: RequestContext, caseId: string, lock: boolean) {
  const actor = ctx.actor;
  if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
  const bundle = await loadBundle(db, caseId, { lock });
  if (!bundle || !canReadCase(actor, bundle.row, bundle.parties)) throw new AppError("CASE.NOT_FOUND");
  return {
    id: bundle.row.id,
    stage: bundle.row.stage,
    jurisdiction: bundle.row.jurisdiction,
    partTypeIds: bundle.parts.map((p) => p.type_id),
    mayChoose:
      bundle.row.created_by === actor.accountId ||
      bundle.parties.some((p) => p.role === "right-holder" && p.account_id === actor.accountId),
  };
}
