import { sql } from "kysely";
import type { Database, Tx } from "../../platform/db/database";

type Db = Database | Tx;

export type NewReport = {
  reportId: string;
  caseId: string;
  jurisdiction: string;
  unitCode: string;
  typeId: string;
  registeredAt: Date;
  reportDay: string;
  entrySeqs: number[];
  now: Date;
};

/** One report per case: false when the case was reported already. */
export async function insertReport(tx: Tx, r: NewReport): Promise<boolean> {
  const row = await tx
    .insertInto("national_reports")
    .values({
      report_id: r.reportId,
      case_id: r.caseId,
      jurisdiction: r.jurisdiction,
      unit_code: r.unitCode,
      type_id: r.typeId,
      registered_at: r.registeredAt,
      report_day: r.reportDay,
      entry_seqs: JSON.stringify(r.entrySeqs),
      status: "pending",
      last_sent_at: r.now,
    })
    .onConflict((oc) => oc.column("case_id").doNothing())
    .returning("report_id")
    .executeTakeFirst();
  return row !== undefined;
}

export const findReport = (db: Db, reportId: string) =>
  db.selectFrom("national_reports").selectAll().where("report_id", "=", reportId).executeTakeFirst();

export async function markDelivered(tx: Tx, reportId: string): Promise<void> {
  await tx
    .updateTable("national_reports")
    .set({ status: "delivered" })
    .where("report_id", "=", reportId)
    .where("status", "=", "pending")
    .execute();
}

/**
 * Records the acknowledgement once: `recorded` the first time, `same` when it was recorded
 * already with the same number, `duplicate` (counted) when the platform acknowledged it twice.
 */
export async function recordAck(
  tx: Tx,
  ack: { reportId: string; ackNo: string; ackedAt: Date },
): Promise<"recorded" | "same" | "duplicate" | "unknown"> {
  const updated = await tx
    .updateTable("national_reports")
    .set({ status: "acknowledged", ack_no: ack.ackNo, acked_at: ack.ackedAt })
    .where("report_id", "=", ack.reportId)
    .where("status", "!=", "acknowledged")
    .returning("report_id")
    .executeTakeFirst();
  if (updated) return "recorded";
  const row = await findReport(tx, ack.reportId);
  if (!row) return "unknown";
  if (row.ack_no === ack.ackNo) return "same";
  await tx
    .updateTable("national_reports")
    .set({ duplicate_acks: sql`duplicate_acks + 1` })
    .where("report_id", "=", ack.reportId)
    .execute();
  return "duplicate";
}

export async function markRejected(tx: Tx, reportId: string, reason: string): Promise<void> {
  await tx
    .updateTable("national_reports")
    .set({ status: "rejected", rejection: reason })
    .where("report_id", "=", reportId)
    .where("status", "!=", "acknowledged")
    .execute();
}

export async function markResent(tx: Tx, reportId: string, now: Date): Promise<number> {
  const row = await tx
    .updateTable("national_reports")
    .set({ sends: sql`sends + 1`, last_sent_at: now, status: "pending" })
    .where("report_id", "=", reportId)
    .where("status", "!=", "acknowledged")
    .returning("sends")
    .executeTakeFirst();
  return row?.sends ?? 0;
}

export const reportsOfDay = (db: Db, day: string) =>
  db
    .selectFrom("national_reports")
    .select(["report_id", "case_id", "status", "last_sent_at", "sends"])
    .where("report_day", "=", day)
    .execute();

export async function reportsOfCases(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom("national_reports")
    .select(["report_id", "case_id", "status", "last_sent_at", "sends"])
    .where("case_id", "in", caseIds)
    .execute();
}

/** The operator's view: counts by status, and the oldest reports not acknowledged. */
export async function backlogOf(db: Db, limit: number) {
  const counts = await db
    .selectFrom("national_reports")
    .select(["status", sql<number>`count(*)::int`.as("n")])
    .groupBy("status")
    .execute();
  const waiting = await db
    .selectFrom("national_reports")
    .select([
      "report_id",
      "case_id",
      "jurisdiction",
      "unit_code",
      "status",
      "sends",
      "registered_at",
      "last_sent_at",
      "report_day",
    ])
    .where("status", "!=", "acknowledged")
    .orderBy("registered_at")
    .limit(limit)
    .execute();
  const duplicates = await db
    .selectFrom("national_reports")
    .select(sql<number>`coalesce(sum(duplicate_acks), 0)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return { counts, waiting, duplicateAcks: duplicates.n };
}
