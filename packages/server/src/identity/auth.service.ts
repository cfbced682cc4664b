import { type Actor, can } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Config } from "../platform/config";
import { hashToken, newToken } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  type AccountProfile,
  findAccountById,
  findAccountByUsername,
  findProfileOfLiveSession,
  loadProfile,
  toActor,
} from "./account.repository";
import { type ApiTokenScope, DEFAULT_TOKEN_SCOPES } from "./api-token-scopes";
import { createLoginThrottle } from "./login-throttle";
import { decoyHash, verifyPassword } from "./passwords";
import {
  deleteSession,
  findLiveApiToken,
  insertApiToken,
  insertSession,
  listApiTokens,
  markApiTokenReplaced,
  revokeApiToken,
  touchApiToken,
} from "./session.repository";

export type AuthDeps = {
  db: Database;
  config: Pick<
    Config,
    "sessionTtlHours" | "loginMaxFailures" | "loginMaxDelaySeconds" | "loginAccountMaxDelaySeconds"
  >;
  now: () => Date;
};

export type Authenticated = { actor: Actor; profile: AccountProfile; tokenScopes?: readonly string[] };

// Platform's HTTP layer carries a caller with an actor; identity adds the account's profile.
declare module "../platform/http/request-context" {
  interface Caller {
    profile: AccountProfile;
  }
}

export function createAuthService({ db, config, now }: AuthDeps) {
  const throttle = createLoginThrottle(
    db,
    {
      freeFailures: config.loginMaxFailures,
      maxDelaySeconds: config.loginMaxDelaySeconds,
      accountMaxDelaySeconds: config.loginAccountMaxDelaySeconds,
    },
    now,
  );

  /**
   * One answer for a wrong password and an unknown username, after the same work (a password
   * hash is verified either way, and both count on the same throttle keys); a throttled attempt is
   * answered before any of it, for known and unknown usernames alike.
   */
  async function login(ctx: RequestContext, username: string, password: string) {
    const ip = ctx.ip ?? "unknown";
    const wait = await throttle.waitSeconds(username, ip);
    if (wait > 0) {
      await writeAudit(db, ctx, {
        action: "auth.login",
        outcome: "denied",
        details: { reason: "throttled", username, retryAfterSeconds: wait },
      });
      throw new AppError("AUTH.LOGIN_THROTTLED", { retryAfterSeconds: wait });
    }
    const account = await findAccountByUsername(db, username);
    const passwordOk = await verifyPassword(account?.password_hash ?? (await decoyHash()), password);
    if (!account || !passwordOk) {
      await throttle.failed(username, ip);
      await writeAudit(db, ctx, {
        ...(account ? { targetType: "account", targetId: account.id, actorId: account.id } : {}),
        action: "auth.login",
        outcome: "failed",
        details: { reason: account ? "wrong-password" : "unknown-user" },
      });
      throw new AppError("AUTH.INVALID_CREDENTIALS");
    }
    const target = { targetType: "account", targetId: account.id, actorId: account.id };
    if (account.disabled) {
      await writeAudit(db, ctx, {
        ...target,
        action: "auth.login",
        outcome: "denied",
        details: { reason: "disabled" },
      });
      throw new AppError("AUTH.DISABLED");
    }
    await throttle.succeeded(username, ip);
    const { token, hash } = newToken();
    const expiresAt = new Date(now().getTime() + config.sessionTtlHours * 3_600_000);
    const profile = await inTransaction(db, async (tx) => {
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
    const row = await findLiveApiToken(db, hashToken(token), now());
    if (!row) return null;
    await touchApiToken(db, row.id, now());
    const caller = await authenticated(row.account_id);
    return caller && { ...caller, tokenScopes: row.scopes };
  }

  return { login, logout, authenticateSession, authenticateBearer };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Hours a rotated token keeps working beside its successor, so clients can switch over. */
const ROTATION_GRACE_HOURS = 24;

/**
 * API tokens belong to an institution's account; only that institution's logged-in user manages
 * them (a bearer token never reaches these: identity/api-token-scopes.ts). Each token has scopes
 * and an expiry; rotation issues a successor and lets the old token run out within a day.
 */
export function createApiTokenService({
  db,
  now,
  ttlDays,
}: Pick<AuthDeps, "db" | "now"> & { ttlDays: number }) {
  async function issue(
    ctx: RequestContext,
    input: { name: string; scopes?: ApiTokenScope[]; expiresInDays?: number },
  ) {
    const actor = requireInstitution(ctx);
    return inTransaction(db, async (tx) => {
      const created = await insertToken(tx, actor.accountId, input);
      await writeAudit(tx, ctx, {
        action: "api-token.issue",
        outcome: "success",
        targetType: "api-token",
        targetId: created.id,
        details: { scopes: created.scopes, expiresAt: created.expires_at.toISOString() },
      });
      return created;
    });
  }

  async function insertToken(
    tx: Tx,
    accountId: string,
    input: { name: string; scopes?: readonly string[]; expiresInDays?: number },
  ) {
    const { token, hash } = newToken();
    const days = Math.min(input.expiresInDays ?? ttlDays, ttlDays);
    const row = await insertApiToken(tx, {
      accountId,
      name: input.name,
      tokenHash: hash,
      scopes: [...new Set(input.scopes ?? DEFAULT_TOKEN_SCOPES)],
      expiresAt: new Date(now().getTime() + days * 86_400_000),
    });
    return { ...row, token };
  }

  async function list(ctx: RequestContext) {
    const actor = requireInstitution(ctx);
    return listApiTokens(db, [actor.accountId]);
  }

  async function ownLive(ctx: RequestContext, id: string) {
    const actor = requireInstitution(ctx);
    const own = (await listApiTokens(db, [actor.accountId])).find((t) => t.id === id);
    if (!own) throw new AppError("AUTH.FORBIDDEN");
    return { actor, own };
  }

  async function revoke(ctx: RequestContext, id: string) {
    await ownLive(ctx, id);
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

  /** A successor with the same name and scopes; the old token runs out after the grace period. */
  async function rotate(ctx: RequestContext, id: string) {
    const { actor, own } = await ownLive(ctx, id);
    if (own.revoked_at || own.replaced_by || own.expires_at <= now())
      throw new AppError("AUTH.TOKEN_NOT_LIVE");
    return inTransaction(db, async (tx) => {
      const created = await insertToken(tx, actor.accountId, { name: own.name, scopes: own.scopes });
      const graceEnd = new Date(now().getTime() + ROTATION_GRACE_HOURS * 3_600_000);
      const expiresAt = own.expires_at < graceEnd ? own.expires_at : graceEnd;
      await markApiTokenReplaced(tx, { id, replacedBy: created.id, expiresAt });
      await writeAudit(tx, ctx, {
        action: "api-token.rotate",
        outcome: "success",
        targetType: "api-token",
        targetId: id,
        details: { replacedBy: created.id, oldExpiresAt: expiresAt.toISOString() },
      });
      return created;
    });
  }

  return { issue, list, revoke, rotate };
}

function requireInstitution(ctx: RequestContext): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
  if (!can(actor, "institution.manage-tokens", { institutionId: actor.institutionId ?? undefined })) {
    throw new AppError("AUTH.FORBIDDEN");
  }
  return actor;
}
