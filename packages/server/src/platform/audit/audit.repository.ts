import type { Database } from "../db/database";

/** Successful audit rows of some actions in an office's jurisdiction and a window (evidence for alerts). */
export async function listAuditRows(
  db: Database,
  input: { actions: readonly string[]; jurisdiction: string; from: Date; to: Date },
) {
  return db
    .selectFrom("audit_log")
    .select(["id", "at", "actor_id", "action", "target_type", "target_id", "details"])
    .where("action", "in", input.actions)
    .where("jurisdiction", "=", input.jurisdiction)
    .where("outcome", "=", "success")
    .where("at", ">=", input.from)
    .where("at", "<", input.to)
    .orderBy("id")
    .execute();
}

/** The ids of the audit rows recording the given actions on the given cases. */
export async function listCaseAuditIds(db: Database, caseIds: readonly string[], actions: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom("audit_log")
    .select(["id", "target_id", "action"])
    .where("target_type", "=", "case")
    .where("target_id", "in", caseIds)
    .where("action", "in", actions)
    .orderBy("id")
    .execute();
}
