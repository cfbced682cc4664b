import type { Actor } from "@yulin/domain";
import type { Database, Tx } from "../db/database";

/** Who asked, from where: passed from the HTTP layer (or CLI) into every service call. */
export type RequestContext = {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
};

export const systemContext = (requestId = "cli"): RequestContext => ({ actor: null, requestId, ip: null });

export type AuditRecord = {
  action: string;
  outcome: "success" | "denied" | "failed";
  targetType?: string;
  targetId?: string;
  jurisdiction?: string | null;
  purpose?: string | null;
  /** Never put plain personal data here: it is stored unencrypted. */
  details?: Record<string, unknown>;
  /** Overrides the actor (e.g. a login attempt before there is a session). */
  actorId?: string | null;
};

/**
 * Writes one audit row. Call it with the transaction that makes the change so the change and its
 * record commit together; denials and failed logins are written on their own connection.
 */
export async function writeAudit(db: Database | Tx, ctx: RequestContext, record: AuditRecord): Promise<void> {
  const actor = ctx.actor;
  await db
    .insertInto("audit_log")
    .values({
      actor_id: record.actorId !== undefined ? record.actorId : (actor?.accountId ?? null),
      actor_kind: actor?.kind ?? null,
      actor_role:
        actor?.roles.map((r) => `${r.role}@${r.jurisdiction}`).join(",") || actor?.institutionKind || null,
      jurisdiction: record.jurisdiction ?? null,
      action: record.action,
      target_type: record.targetType ?? null,
      target_id: record.targetId ?? null,
      purpose: record.purpose ?? null,
      outcome: record.outcome,
      request_id: ctx.requestId,
      ip: ctx.ip,
      details: JSON.stringify(
        actor?.operatorId ? { ...record.details, operatorId: actor.operatorId } : (record.details ?? {}),
      ),
    })
    .execute();
}

/** The audit rows about one target (oldest first), for the archive package's 审计 section. */
export async function listAuditOf(db: Database | Tx, targetType: string, targetId: string) {
  return db
    .selectFrom("audit_log")
    .select(["at", "actor_id", "actor_role", "action", "outcome", "purpose", "details"])
    .where("target_type", "=", targetType)
    .where("target_id", "=", targetId)
    .orderBy("id")
    .execute();
}
