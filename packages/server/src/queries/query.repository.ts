import type { Insertable } from "kysely";
import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { QueryApplicationsTable, QueryLogTable } from "../platform/db/schema";

type Db = Database | Tx;

export async function insertApplication(db: Db, values: Insertable<QueryApplicationsTable>) {
  return db.insertInto("query_applications").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertLog(db: Db, values: Insertable<QueryLogTable>): Promise<void> {
  await db.insertInto("query_log").values(values).execute();
}

export async function findApplication(db: Db, by: { id: string } | { token: string }) {
  const q = db.selectFrom("query_applications").selectAll();
  return ("id" in by ? q.where("id", "=", by.id) : q.where("verify_token", "=", by.token)).executeTakeFirst();
}

export async function lockPendingApplication(db: Tx, id: string) {
  return db.selectFrom("query_applications").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function decideApplication(
  db: Tx,
  id: string,
  values: {
    status: "answered" | "refused";
    decided_by: string;
    decided_at: Date;
    refusal?: string | null;
    result?: string | null;
    register_version?: number | null;
    verify_token?: string | null;
  },
) {
  await db.updateTable("query_applications").set(values).where("id", "=", id).execute();
}

export async function storeSealedPdf(
  db: Db,
  id: string,
  values: { pdf: Buffer; pdf_sm3: string; seal_public_key: string; seal_signature: string; sealed_at: Date },
): Promise<boolean> {
  const res = await db
    .updateTable("query_applications")
    .set(values)
    .where("id", "=", id)
    .where("pdf", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listApplicationsOf(db: Db, accountId: string, limit = 100) {
  return db
    .selectFrom("query_applications")
    .select([
      "id",
      "number",
      "querent_kind",
      "purpose",
      "scope",
      "subject_kind",
      "subject",
      "status",
      "refusal",
      "due_on",
      "created_at",
      "decided_at",
    ])
    .where("account_id", "=", accountId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

/** Material-backed applications waiting for a clerk, oldest first, in the given county prefixes. */
export async function listPending(db: Db, prefixes: readonly string[], limit = 200) {
  if (prefixes.length === 0) return [];
  return db
    .selectFrom("query_applications")
    .selectAll()
    .where("status", "=", "pending")
    .where((eb) => eb.or(prefixes.map((p) => eb("jurisdiction", "like", `${p}%`))))
    .orderBy("created_at")
    .limit(limit)
    .execute();
}

/** Who queried these units (the holder's view), newest first; the holder's own queries left out. */
export async function listLogOfUnits(
  db: Db,
  unitCodes: readonly string[],
  exceptAccount: string,
  limit = 200,
) {
  if (unitCodes.length === 0) return [];
  return db
    .selectFrom("query_log")
    .select(["at", "querent_kind", "querent_label", "channel", "purpose", "scope", "unit_code", "outcome"])
    .where("unit_code", "in", unitCodes)
    .where((eb) => eb.or([eb("account_id", "is", null), eb("account_id", "<>", exceptAccount)]))
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
}

/** Log rows of one application or account (tests, the querent's own log). */
export async function listLogOfAccount(db: Db, accountId: string, limit = 200) {
  return db
    .selectFrom("query_log")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
}

/** Today's answered intent-only queries of an account (since `since`). */
export async function countIntentQueries(db: Db, accountId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("query_log")
    .select(sql<string>`count(*)`.as("n"))
    .where("account_id", "=", accountId)
    .where("intent_only", "=", true)
    .where("outcome", "=", "answered")
    .where("at", ">=", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findBlock(db: Db, accountId: string, day: string) {
  return db
    .selectFrom("query_blocks")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("day", "=", day)
    .executeTakeFirst();
}

export async function insertBlock(db: Db, accountId: string, day: string, reason: string): Promise<void> {
  await db
    .insertInto("query_blocks")
    .values({ account_id: accountId, day, reason })
    .onConflict((oc) => oc.columns(["account_id", "day"]).doNothing())
    .execute();
}

export async function listBlocks(db: Db, limit = 200) {
  return db.selectFrom("query_blocks").selectAll().orderBy("created_at", "desc").limit(limit).execute();
}
