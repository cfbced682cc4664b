import { type RawBuilder, sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

/** 好差评 rows (case_ratings): one per case and applicant-side account. */
export async function findRating(db: Db, caseId: string, accountId: string) {
  return db
    .selectFrom("case_ratings")
    .select(["score", "comment", "created_at"])
    .where("case_id", "=", caseId)
    .where("account_id", "=", accountId)
    .executeTakeFirst();
}

/** Inserts the rating unless the account rated the case already (then undefined). */
export async function insertRating(
  tx: Tx,
  row: { case_id: string; account_id: string; jurisdiction: string; score: number; comment: string },
) {
  return tx
    .insertInto("case_ratings")
    .values(row)
    .onConflict((oc) => oc.columns(["case_id", "account_id"]).doNothing())
    .returning(["score", "comment", "created_at"])
    .executeTakeFirst();
}

const inScope = (prefixes: readonly string[]): RawBuilder<boolean> =>
  sql<boolean>`(${sql.join(
    prefixes.map((p) => sql`r.jurisdiction like ${`${p}%`}`),
    sql` or `,
  )})`;

/** Per office within the jurisdiction prefixes: the count, the average and the bad ratings. */
export async function summariseRatingsByOffice(db: Db, prefixes: readonly string[], badScore: number) {
  return (
    await sql<{ jurisdiction: string; count: string; average: string; bad: string }>`
      select r.jurisdiction, count(*) as count, round(avg(r.score), 2) as average,
             count(*) filter (where r.score <= ${badScore}) as bad
      from case_ratings r
      where ${inScope(prefixes)}
      group by r.jurisdiction order by r.jurisdiction`.execute(db)
  ).rows;
}

/** The latest bad ratings within the jurisdiction prefixes, with their case's type. */
export async function listBadRatings(db: Db, prefixes: readonly string[], badScore: number, limit: number) {
  return (
    await sql<{
      case_id: string;
      jurisdiction: string;
      type_id: string;
      score: number;
      comment: string;
      created_at: Date;
    }>`
      select r.case_id, r.jurisdiction, c.type_id, r.score, r.comment, r.created_at
      from case_ratings r join cases c on c.id = r.case_id
      where ${inScope(prefixes)} and r.score <= ${badScore}
      order by r.created_at desc limit ${limit}`.execute(db)
  ).rows;
}
