import type { Database } from "../db/database";

export type StoredAnswer = { status: number; contentType: string | null; body: string };
export type KeyRow = { fingerprint: string; state: "pending" | "done"; answer: StoredAnswer | null };

/**
 * Claims the key for this request: true when it was free or its 24 hours had run out (a new
 * request then owns it), false when another request holds it. One statement, so of fifty
 * concurrent retries exactly one claims it.
 */
export async function claimKey(
  db: Database,
  input: { accountId: string; key: string; fingerprint: string; now: Date; ttlMs: number },
): Promise<boolean> {
  const row = {
    account_id: input.accountId,
    key: input.key,
    fingerprint: input.fingerprint,
    state: "pending" as const,
    status: null,
    content_type: null,
    body: null,
    created_at: input.now,
    expires_at: new Date(input.now.getTime() + input.ttlMs),
  };
  const claimed = await db
    .insertInto("idempotency_keys")
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(["account_id", "key"])
        .doUpdateSet(row)
        .where("idempotency_keys.expires_at", "<=", input.now),
    )
    .returning("key")
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function findKey(db: Database, accountId: string, key: string): Promise<KeyRow | null> {
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["fingerprint", "state", "status", "content_type", "body"])
    .where("account_id", "=", accountId)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) return null;
  const answer =
    row.state === "done" && row.status !== null
      ? { status: row.status, contentType: row.content_type, body: row.body ?? "" }
      : null;
  return { fingerprint: row.fingerprint, state: row.state, answer };
}

export async function saveAnswer(
  db: Database,
  accountId: string,
  key: string,
  answer: StoredAnswer,
): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ state: "done", status: answer.status, content_type: answer.contentType, body: answer.body })
    .where("account_id", "=", accountId)
    .where("key", "=", key)
    .execute();
}

/** Frees a key whose request failed on the server's side (5xx), so a retry does the work. */
export async function releaseKey(db: Database, accountId: string, key: string): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("account_id", "=", accountId)
    .where("key", "=", key)
    .where("state", "=", "pending")
    .execute();
}

export async function purgeExpiredKeys(db: Database, now: Date): Promise<number> {
  const r = await db.deleteFrom("idempotency_keys").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
