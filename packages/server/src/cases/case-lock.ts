import type { Actor } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { canReadCase } from "./case.access";
import { type CaseBundle, loadBundle, requireBundle } from "./case-bundle";

export const requireActor = (ctx: RequestContext): Actor => {
  if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
  return ctx.actor;
};

/** Not found and forbidden look the same; the denial is audited on its own connection. */
export async function denyCase(
  db: Database,
  ctx: RequestContext,
  action: string,
  id: string,
): Promise<never> {
  await writeAudit(db, ctx, { action, outcome: "denied", targetType: "case", targetId: id });
  throw new AppError("CASE.NOT_FOUND");
}

/** What an edit of a case does once the case row is locked and the caller allowed. */
export type LockedCaseEdit<A, T> = {
  /** The audit action (`case.update`), for the success and the denied row alike. */
  action: string;
  /**
   * The access check through the policy (case.access.ts) on the locked case: what the change needs
   * to know of the caller's access (e.g. its staff role), or `undefined`/`false` to deny.
   */
  authorize(actor: Actor, locked: CaseBundle, tx: Tx): A | undefined | false | Promise<A | undefined | false>;
  change(tx: Tx, locked: CaseBundle, access: A): Promise<T>;
  /**
   * The success audit row's details, written in the same transaction; `null` when the change
   * writes its own audit (stage moves audit each transition).
   */
  audit: ((result: T, locked: CaseBundle) => Record<string, unknown> | undefined) | null;
};

/**
 * Every edit of a case, in one transaction: lock the case row FOR UPDATE and load it, check the
 * caller's access, run the change, write the audit row. A denial rolls back and is audited on its
 * own connection, so the caller cannot tell a forbidden case from a missing one.
 */
export async function withLockedCase<A, T>(
  db: Database,
  ctx: RequestContext,
  id: string,
  edit: LockedCaseEdit<A, T>,
): Promise<T> {
  const actor = requireActor(ctx);
  let denied = false;
  try {
    return await inTransaction(db, async (tx) => {
      const locked = await loadBundle(tx, id, { lock: true });
      const access = locked ? await edit.authorize(actor, locked, tx) : undefined;
      if (!locked || access === undefined || access === false) {
        denied = true;
        throw new AppError("CASE.NOT_FOUND");
      }
      const result = await edit.change(tx, locked, access);
      if (edit.audit)
        await writeAudit(tx, ctx, {
          action: edit.action,
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: locked.row.jurisdiction,
          details: edit.audit(result, locked) ?? {},
        });
      return result;
    });
  } catch (error) {
    if (denied) return denyCase(db, ctx, edit.action, id);
    throw error;
  }
}

/** A case the caller may read, loaded without a lock; anything else is denied as not found. */
export async function readableCase(
  db: Database,
  ctx: RequestContext,
  id: string,
  action = "case.read",
): Promise<CaseBundle> {
  const actor = requireActor(ctx);
  const bundle = await requireBundle(db, id).catch(() => undefined);
  if (!bundle || !canReadCase(actor, bundle.row, bundle.parties)) return denyCase(db, ctx, action, id);
  return bundle;
}
