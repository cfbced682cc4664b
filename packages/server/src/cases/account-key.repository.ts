import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

/** Each account's SM2 key pair for confirming applications (account_keys), private key sealed. */
export async function findAccountKey(db: Db, accountId: string) {
  return db
    .selectFrom("account_keys")
    .select(["public_key", "private_key_enc"])
    .where("account_id", "=", accountId)
    .executeTakeFirst();
}

/** Stores the key pair unless the account has one already (another request may have been first). */
export async function insertAccountKeyIfAbsent(
  tx: Tx,
  row: { account_id: string; public_key: string; private_key_enc: string },
): Promise<void> {
  await tx
    .insertInto("account_keys")
    .values(row)
    .onConflict((oc) => oc.column("account_id").doNothing())
    .execute();
}
