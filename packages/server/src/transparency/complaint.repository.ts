import type { Insertable, Selectable } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { ComplaintsTable } from "../platform/db/schema";

type Db = Database | Tx;
export type ComplaintRow = Selectable<ComplaintsTable>;

export async function insertComplaint(db: Db, values: Insertable<ComplaintsTable>): Promise<ComplaintRow> {
  return db.insertInto("complaints").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findComplaintByTrackingNo(db: Db, trackingNo: string, forUpdate = false) {
  let query = db.selectFrom("complaints").selectAll().where("tracking_no", "=", trackingNo);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function recordComplaintAnswer(
  tx: Tx,
  id: string,
  answer: { text: string; by: string; at: Date },
): Promise<ComplaintRow> {
  return tx
    .updateTable("complaints")
    .set({ status: "answered", answer: answer.text, answered_by: answer.by, answered_at: answer.at })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Complaints of the offices (exact codes or prefixes), newest first: open ones for staff. */
export async function listComplaints(
  db: Db,
  filter: { prefixes: readonly string[]; status?: "open" | "answered" },
  limit: number,
): Promise<ComplaintRow[]> {
  if (filter.prefixes.length === 0) return [];
  let query = db
    .selectFrom("complaints")
    .selectAll()
    .where((eb) => eb.or(filter.prefixes.map((p) => eb("office", "like", `${p}%`))));
  if (filter.status) query = query.where("status", "=", filter.status);
  return query.orderBy("filed_at", "desc").orderBy("id").limit(limit).execute();
}

/** Every complaint of a period, for publication (anonymised by the caller). */
export async function listComplaintsFiledBetween(db: Db, from: Date, to: Date, limit: number) {
  return db
    .selectFrom("complaints")
    .selectAll()
    .where("filed_at", ">=", from)
    .where("filed_at", "<", to)
    .orderBy("filed_at", "desc")
    .limit(limit)
    .execute();
}

/** Complaints filed and answered per month and office (公开统计). */
export async function countComplaintsByOffice(db: Db, from: Date, to: Date) {
  return db
    .selectFrom("complaints")
    .select((eb) => [
      "office",
      eb.fn.countAll<number>().as("filed"),
      eb.fn.count<number>("answered_at").as("answered"),
    ])
    .where("filed_at", ">=", from)
    .where("filed_at", "<", to)
    .groupBy("office")
    .execute();
}
