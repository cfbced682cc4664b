import { type Actor, can } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Config } from "../platform/config";
import { hashToken, newToken } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  type AccountProfile,
  clearLoginFailures,
  findAccountById,
  findAccountByUsername,
  findProfileOfLiveSession,
  loadProfile,
  recordLoginFailure,
  toActor,
} from "./account.repository";
import { decoyHash, verifyPassword } from "./passwords";
import {
  deleteSession,
  findLiveApiToken,
  insertApiToken,
  insertSession,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
} from "./session.repository";

export type AuthDeps = {
  db: Database;
  config: Pick<Config, "sessionTtlHours" | "loginMaxFailures" | "lockoutMinutes">;
  now: () => Date;
};

export type Authenticated = { actor: Actor; profile: AccountProfile };

// Platform's HTTP layer carries a caller with an actor; identity adds the account's profile.
declare module "../platform/http/request-context" {
  interface Caller {
    profile: AccountProfile;
  }
}

export function createAuthService({ db, config, now }: AuthDeps) {
  async function login(ctx: RequestContext, username: string, password: string) {
    const account = await findAccountByUsername(db, username);
    if (!account) {
      await verifyPassword(await decoyHash(), password);
      await writeAudit(db, ctx, {
        action: "auth.login",
        outcome: "failed",
        details: { reason: "unknown-user" },
      });
      throw new AppError("AUTH.INVALID_CREDENTIALS");
    }
    const target = { targetType: "account", targetId: account.id, actorId: account.id };
    if (account.locked_until && account.locked_until > now()) {
      await writeAudit(db, ctx, {
        ...target,
        action: "auth.login",
        outcome: "denied",
        details: { reason: "locked" },
      });
      throw new AppError("AUTH.LOCKED", { lockedUntil: account.locked_until.toISOString() });
    }
    if (!(await verifyPassword(account.password_hash, password))) {
      const lockUntil = new Date(now().getTime() + config.lockoutMinutes * 60_000);
      const { locked } = await recordLoginFailure(db, account.id, config.loginMaxFailures, lockUntil);
      await writeAudit(db, ctx, {
        ...target,
        action: "auth.login",
        outcome: "failed",
        details: { reason: "wrong-password", locked },
      });
      if (locked) throw new AppError("AUTH.LOCKED", { lockedUntil: lockUntil.toISOString() });
      throw new AppError("AUTH.INVALID_CREDENTIALS");
    }
    if (account.disabled) {
      await writeAudit(db, ctx, {
        ...target,
        action: "auth.login",
        outcome: "denied",
        details: { reason: "disabled" },
      });
      throw new AppError("AUTH.DISABLED");
    }
    const { token, hash } = newToken();
    const expiresAt = new Date(now().getTime() + config.sessionTtlHours * 3_600_000);
    const profile = await inTransaction(db, async (tx) => {
      await clearLoginFailures(tx, account.id);
      await insertSession(tx, { tokenHash: hash, accountId: account.id, expiresAt, ip: ctx.ip });
      await writeAudit(tx, ctx, { ...target, action: "auth.login", outcome: "success" });
      return loadProfile(tx, account);
    });
    return { token, expiresAt, profile };
  }

  async function logout(ctx: RequestContext, token: string): Promise<void> {
    await inTransaction(db, async (tx) => {
      await deleteSession(tx, hashToken(token));
      await writeAudit(tx, ctx, { action: "auth.logout", outcome: "success" });
    });
  }

  async function authenticated(accountId: string): Promise<Authenticated | null> {
    const account = await findAccountById(db, accountId);
    if (!account || account.disabled) return null;
    const profile = await loadProfile(db, account);
    return { actor: toActor(profile), profile };
  }

  /** The web's HttpOnly session cookie. */
  async function authenticateSession(token: string): Promise<Authenticated | null> {
    const profile = await findProfileOfLiveSession(db, hashToken(token), now());
    if (!profile || profile.disabled) return null;
    return { actor: toActor(profile), profile };
  }

  /** `Authorization: Bearer …` for institution API clients ("总对总" direct connection). */
  async function authenticateBearer(token: string): Promise<Authenticated | null> {
    const row = await findLiveApiToken(db, hashToken(token));
    if (!row) return null;
    await touchApiToken(db, row.id, now());
    return authenticated(row.account_id);
  }

  return { login, logout, authenticateSession, authenticateBearer };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** API tokens belong to an institution's account; only that institution manages them. */
export function createApiTokenService({ db, now }: Pick<AuthDeps, "db" | "now">) {
  async function issue(ctx: RequestContext, name: string) {
    const actor = requireInstitution(ctx);
    const { token, hash } = newToken();
    return inTransaction(db, async (tx) => {
      const row = await insertApiToken(tx, { accountId: actor.accountId, name, tokenHash: hash });
      await writeAudit(tx, ctx, {
        action: "api-token.issue",
        outcome: "success",
        targetType: "api-token",
        targetId: row.id,
      });
      return { ...row, token };
    });
  }

  async function list(ctx: RequestContext) {
    const actor = requireInstitution(ctx);
    return listApiTokens(db, [actor.accountId]);
  }

  async function revoke(ctx: RequestContext, id: string) {
    const actor = requireInstitution(ctx);
    const own = (await listApiTokens(db, [actor.accountId])).find((t) => t.id === id);
    if (!own) throw new AppError("AUTH.FORBIDDEN");
    await inTransaction(db, async (tx) => {
      await revokeApiToken(tx, id, now());
      await writeAudit(tx, ctx, {
        action: "api-token.revoke",
        outcome: "success",
        targetType: "api-token",
        targetId: id,
      });
    });
  }

  return { issue, list, revoke };
}

function requireInstitution(ctx: RequestContext): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
  if (!can(actor, "institution.manage-tokens", { institutionId: actor.institutionId ?? undefined })) {
    throw new AppError("AUTH.FORBIDDEN");
  }
  return actor;
}
