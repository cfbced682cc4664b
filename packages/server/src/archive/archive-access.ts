import { type Action, can } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";

/** The jurisdictions in which the caller holds a staff role (the scope of lists and statistics). */
export const scopesOf = (ctx: RequestContext): string[] => ctx.actor?.roles.map((r) => r.jurisdiction) ?? [];

/**
 * Allows `action` on a record of `jurisdiction` or refuses: a record the caller may not see looks
 * the same as one that does not exist (ARCHIVE.NOT_FOUND); the refusal is audited.
 */
export async function authorizeArchive(
  db: Database,
  ctx: RequestContext,
  action: Action,
  target: { jurisdiction: string | undefined; id: string },
): Promise<void> {
  if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
  if (target.jurisdiction && can(ctx.actor, action, { jurisdiction: target.jurisdiction })) return;
  await writeAudit(db, ctx, { action, outcome: "denied", targetType: "archive", targetId: target.id });
  throw new AppError("ARCHIVE.NOT_FOUND");
}
