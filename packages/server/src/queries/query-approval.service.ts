import crypto from "node:crypto";
import {
  type Actor,
  can,
  maskHolderName,
  type QuerentKind,
  type QueryPurpose,
  type QueryScope,
  refusalByClerk,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  decideApplication,
  findApplication,
  insertLog,
  listPending,
  lockPendingApplication,
} from "./query.repository";
import type { QueryAnswers } from "./query-answers";

/** Jurisdiction prefixes in which a staff member accepts (受理) cases: there they approve queries. */
function clerkPrefixes(actor: Actor): string[] {
  return actor.roles
    .filter((r) => can({ ...actor, roles: [r] }, "case.accept", { jurisdiction: r.jurisdiction }))
    .map((r) => r.jurisdiction.replace(/0000$/, "").replace(/00$/, ""));
}

/**
 * The clerk's queue of material-backed queries (heirs, interested parties, lawyers, notaries,
 * original materials): approve (the answer is computed now) or refuse with a written reason, within
 * the working-day limit. Each decision writes one query-log row.
 */
export function createQueryApprovalService(deps: { db: Database; now: () => Date; answers: QueryAnswers }) {
  const { db } = deps;

  const requireClerk = (ctx: RequestContext) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const prefixes = clerkPrefixes(actor);
    if (prefixes.length === 0) throw new AppError("AUTH.FORBIDDEN");
    return { actor, prefixes };
  };

  async function pending(ctx: RequestContext) {
    const { prefixes } = requireClerk(ctx);
    const rows = await listPending(db, prefixes);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      querentKind: r.querent_kind,
      querentName: r.querent_name,
      purpose: r.purpose,
      scope: r.scope,
      subject: r.subject,
      unitCodes: r.unit_codes as string[],
      proof: r.proof as string[],
      dueOn: r.due_on,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async function decide(
    ctx: RequestContext,
    id: string,
    decision: { approve: true } | { approve: false; reason: string },
  ) {
    const { actor, prefixes } = requireClerk(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("QUERY.NOT_FOUND");
    const at = deps.now();
    // The answer is read before the transaction (PGlite has one connection); the lock re-checks.
    const seen = await findApplication(db, { id });
    if (!seen || !prefixes.some((p) => (seen.jurisdiction ?? "").startsWith(p)))
      throw new AppError("QUERY.NOT_FOUND");
    if (seen.status !== "pending") throw new AppError("QUERY.NOT_PENDING");
    const unitCodes = seen.unit_codes as string[];
    const result = decision.approve
      ? await deps.answers.resultData({
          number: seen.number,
          jurisdiction: seen.jurisdiction,
          querent: { kind: seen.querent_kind as QuerentKind, name: seen.querent_name },
          purpose: seen.purpose as QueryPurpose,
          scope: seen.scope as QueryScope,
          subject: seen.subject,
          unitCodes,
          at,
        })
      : null;
    return inTransaction(db, async (tx) => {
      const row = await lockPendingApplication(tx, id);
      if (!row) throw new AppError("QUERY.NOT_FOUND");
      if (row.status !== "pending") throw new AppError("QUERY.NOT_PENDING");
      await decideApplication(tx, id, {
        status: decision.approve ? "answered" : "refused",
        decided_by: actor.accountId,
        decided_at: at,
        refusal: decision.approve ? null : JSON.stringify(refusalByClerk(decision.reason)),
        result: result ? JSON.stringify(result) : null,
        register_version: result?.registerVersion ?? null,
        verify_token: result ? crypto.randomBytes(18).toString("base64url") : null,
      });
      await insertLog(tx, {
        at,
        account_id: row.account_id,
        querent_kind: row.querent_kind,
        querent_label: row.institution_id
          ? row.querent_name
          : maskHolderName({ name: row.querent_name, kind: "person" }),
        channel: "hall",
        purpose: row.purpose,
        scope: row.scope,
        subject: row.subject,
        unit_code: unitCodes.length === 1 ? (unitCodes[0] ?? null) : null,
        outcome: decision.approve ? "approved" : "refused",
        application_id: id,
      });
      await writeAudit(tx, ctx, {
        action: decision.approve ? "query.approve" : "query.refuse",
        outcome: "success",
        targetType: "query",
        targetId: id,
        jurisdiction: row.jurisdiction,
      });
      return { id, status: decision.approve ? ("answered" as const) : ("refused" as const) };
    });
  }

  return { pending, decide };
}

export type QueryApprovalService = ReturnType<typeof createQueryApprovalService>;
