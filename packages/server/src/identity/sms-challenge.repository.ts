import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

export async function insertChallenge(
  db: Db,
  values: {
    id: string;
    purpose: "sign-up" | "password-reset";
    phone_hash: string;
    code_hash: string;
    pending_sealed: string | null;
    account_id: string | null;
    expires_at: Date;
  },
): Promise<{ id: string; expires_at: Date }> {
  return db
    .insertInto("sms_challenges")
    .values(values)
    .returning(["id", "expires_at"])
    .executeTakeFirstOrThrow();
}

/** The newest code sent to a phone for a purpose (the one-per-minute rule). */
export async function lastChallengeTo(db: Db, phoneHash: string, purpose: "sign-up" | "password-reset") {
  return db
    .selectFrom("sms_challenges")
    .select(["created_at"])
    .where("phone_hash", "=", phoneHash)
    .where("purpose", "=", purpose)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function findChallenge(db: Db, id: string, purpose: "sign-up" | "password-reset") {
  return db
    .selectFrom("sms_challenges")
    .select(["id", "code_hash", "pending_sealed"])
    .where("id", "=", id)
    .where("purpose", "=", purpose)
    .executeTakeFirst();
}

/** The challenge, locked for the transaction that judges a code against it. */
export async function lockChallenge(tx: Tx, id: string, purpose: "sign-up" | "password-reset") {
  return tx
    .selectFrom("sms_challenges")
    .selectAll()
    .where("id", "=", id)
    .where("purpose", "=", purpose)
    .forUpdate()
    .executeTakeFirst();
}

export async function countWrongCode(db: Db, id: string): Promise<void> {
  await db
    .updateTable("sms_challenges")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

export async function consumeChallenge(tx: Tx, id: string, now: Date, accountId?: string): Promise<void> {
  await tx
    .updateTable("sms_challenges")
    .set({ consumed_at: now, pending_sealed: null, ...(accountId ? { account_id: accountId } : {}) })
    .where("id", "=", id)
    .execute();
}

/** Codes a day old are of no use to anyone: housekeeping forgets them. */
export async function deleteOldChallenges(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("sms_challenges").where("created_at", "<", before).execute();
}
