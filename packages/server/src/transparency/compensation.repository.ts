import type { Insertable, Selectable, Updateable } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { CompensationClaimsTable } from "../platform/db/schema";

type Db = Database | Tx;
export type ClaimRow = Selectable<CompensationClaimsTable>;

export async function insertClaim(db: Db, values: Insertable<CompensationClaimsTable>): Promise<ClaimRow> {
  return db.insertInto("compensation_claims").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findClaim(db: Db, number: string, forUpdate = false) {
  let query = db.selectFrom("compensation_claims").selectAll().where("number", "=", number);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function updateClaim(tx: Tx, id: string, values: Updateable<CompensationClaimsTable>) {
  return tx
    .updateTable("compensation_claims")
    .set({ ...values, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listClaims(
  db: Db,
  filter: { prefixes?: readonly string[]; account?: string },
  limit: number,
) {
  let query = db.selectFrom("compensation_claims").selectAll();
  if (filter.account) query = query.where("claimant_account", "=", filter.account);
  if (filter.prefixes) {
    const prefixes = filter.prefixes;
    if (prefixes.length === 0) return [];
    query = query.where((eb) => eb.or(prefixes.map((p) => eb("office", "like", `${p}%`))));
  }
  return query.orderBy("filed_at", "desc").limit(limit).execute();
}

/** 赔偿统计: claims filed per office and status, and the sum paid, in a period. */
export async function countClaimsByOffice(db: Db, from: Date, to: Date) {
  return db
    .selectFrom("compensation_claims")
    .select((eb) => ["office", "status", eb.fn.countAll<number>().as("claims")])
    .where("filed_at", ">=", from)
    .where("filed_at", "<", to)
    .groupBy(["office", "status"])
    .execute();
}
