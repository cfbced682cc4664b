import { randomInt } from "node:crypto";
import { can, type StaffRole } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  findAccountById,
  listRolesOf,
  replaceRolesInOffice,
  setAccountDisabled,
  setPasswordHash,
} from "./account.repository";
import { officeExists } from "./office.repository";
import { hashPassword } from "./passwords";
import { deleteSessionsOf } from "./session.repository";

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A 14-character temporary password with letters and digits (shown once to the administrator). */
export function temporaryPassword(): string {
  for (;;) {
    const candidate = Array.from({ length: 14 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    if (/\d/.test(candidate) && /[A-Za-z]/.test(candidate)) return candidate;
  }
}

type Change = "roles" | "lock" | "unlock" | "reset-password";

/**
 * 系统管理 · accounts: an office's administrator sets a staff member's roles in that office, locks,
 * unlocks and resets them. Scoped to the jurisdiction: roles only in the administrator's office;
 * lock, unlock and reset only for staff whose every role lies in offices the administrator manages
 * (an office cannot lock a city supervisor). Each change is audited, denials too.
 */
export function createStaffAdminService({ db }: { db: Database }) {
  /** The staff member's roles if the change is within the caller's jurisdiction, else undefined. */
  async function rolesInScope(
    tx: Tx,
    ctx: RequestContext,
    office: string,
    accountId: string,
    change: Change,
  ) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const account = await findAccountById(tx, accountId);
    const roles = account ? await listRolesOf(tx, accountId) : [];
    const manages = (j: string) => can(actor, "office.manage-staff", { jurisdiction: j });
    const allowed =
      account?.kind === "staff" &&
      manages(office) &&
      (await officeExists(tx, office)) &&
      (change === "roles" || (roles.length > 0 && roles.every((r) => manages(r.jurisdiction))));
    return allowed ? roles : undefined;
  }

  /** Runs a change on a staff member in one transaction; a denial is audited after its rollback. */
  async function withTarget<T>(
    ctx: RequestContext,
    office: string,
    accountId: string,
    change: Change,
    fn: (tx: Tx, roles: Array<{ role: StaffRole; jurisdiction: string }>) => Promise<T>,
  ): Promise<T> {
    const outcome = await inTransaction(db, async (tx) => {
      const roles = await rolesInScope(tx, ctx, office, accountId, change);
      if (!roles) return { denied: true as const };
      if (ctx.actor?.accountId === accountId && (change === "lock" || change === "unlock"))
        throw new AppError("ACCOUNT.SELF_CHANGE");
      return { denied: false as const, value: await fn(tx, roles) };
    });
    if (outcome.denied) {
      await writeAudit(db, ctx, {
        action: `office.staff.${change}`,
        outcome: "denied",
        targetType: "account",
        targetId: accountId,
        jurisdiction: office,
      });
      throw new AppError("AUTH.FORBIDDEN");
    }
    return outcome.value;
  }

  async function audit(
    tx: Tx,
    ctx: RequestContext,
    change: Change,
    office: string,
    id: string,
    details = {},
  ) {
    await writeAudit(tx, ctx, {
      action: `office.staff.${change}`,
      outcome: "success",
      targetType: "account",
      targetId: id,
      jurisdiction: office,
      details,
    });
  }

  /** Replaces the account's roles in this office (an empty list removes it from the office). */
  async function setRoles(ctx: RequestContext, office: string, accountId: string, roles: StaffRole[]) {
    const wanted = [...new Set(roles)].sort();
    return withTarget(ctx, office, accountId, "roles", async (tx, roles) => {
      const before = roles
        .filter((r) => r.jurisdiction === office)
        .map((r) => r.role)
        .sort();
      if (ctx.actor?.accountId === accountId && before.includes("admin") && !wanted.includes("admin"))
        throw new AppError("ACCOUNT.SELF_CHANGE");
      await replaceRolesInOffice(tx, accountId, office, wanted);
      await audit(tx, ctx, "roles", office, accountId, { before, after: wanted });
      return { roles: wanted };
    });
  }

  /** 锁定: the account cannot log in and its sessions end at once. */
  async function lock(ctx: RequestContext, office: string, accountId: string) {
    await withTarget(ctx, office, accountId, "lock", async (tx) => {
      await setAccountDisabled(tx, accountId, true);
      await deleteSessionsOf(tx, accountId);
      await audit(tx, ctx, "lock", office, accountId);
    });
  }

  async function unlock(ctx: RequestContext, office: string, accountId: string) {
    await withTarget(ctx, office, accountId, "unlock", async (tx) => {
      await setAccountDisabled(tx, accountId, false);
      await audit(tx, ctx, "unlock", office, accountId);
    });
  }

  /** 重置密码: a temporary password, shown once to the administrator; the old sessions end. */
  async function resetPassword(ctx: RequestContext, office: string, accountId: string) {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    await withTarget(ctx, office, accountId, "reset-password", async (tx) => {
      await setPasswordHash(tx, accountId, passwordHash);
      await deleteSessionsOf(tx, accountId);
      await audit(tx, ctx, "reset-password", office, accountId);
    });
    return { temporaryPassword: password };
  }

  return { setRoles, lock, unlock, resetPassword };
}

export type StaffAdminService = ReturnType<typeof createStaffAdminService>;
