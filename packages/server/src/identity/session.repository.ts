import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

export async function insertSession(
  db: Db,
  values: { tokenHash: string; accountId: string; expiresAt: Date; ip: string | null },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      token_hash: values.tokenHash,
      account_id: values.accountId,
      expires_at: values.expiresAt,
      ip: values.ip,
    })
    .execute();
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom("sessions")
    .select(["account_id", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}

export const TOKEN_COLUMNS = [
  "id",
  "name",
  "created_at",
  "last_used_at",
  "revoked_at",
  "scopes",
  "expires_at",
  "replaced_by",
] as const;

export async function insertApiToken(
  db: Db,
  values: { accountId: string; name: string; tokenHash: string; scopes: string[]; expiresAt: Date },
) {
  return db
    .insertInto("api_tokens")
    .values({
      account_id: values.accountId,
      name: values.name,
      token_hash: values.tokenHash,
      scopes: values.scopes,
      expires_at: values.expiresAt,
    })
    .returning(TOKEN_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** A token that is neither revoked nor expired, with its scopes. */
export async function findLiveApiToken(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "account_id", "scopes"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
}

export async function listApiTokens(db: Db, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom("api_tokens")
    .select(TOKEN_COLUMNS)
    .where("account_id", "in", accountIds)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeApiToken(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable("api_tokens").set({ revoked_at: now }).where("id", "=", id).execute();
}

/** Ends every session of an account (locked, password reset, roles changed). */
export async function deleteSessionsOf(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom("sessions").where("account_id", "=", accountId).execute();
}

/** Marks a token as replaced by a rotation; it stays valid until `expiresAt` (the grace period). */
export async function markApiTokenReplaced(
  db: Db,
  values: { id: string; replacedBy: string; expiresAt: Date },
): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ replaced_by: values.replacedBy, expires_at: values.expiresAt })
    .where("id", "=", values.id)
    .execute();
}
