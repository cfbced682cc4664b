import type { Insertable } from "kysely";
import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { ArchiveRecordsTable, ArchiveStatus } from "../platform/db/schema";

type Db = Database | Tx;

export const insertRecord = (tx: Tx, row: Insertable<ArchiveRecordsTable>) =>
  tx.insertInto("archive_records").values(row).execute();

export const findRecord = (db: Db, archiveNo: string, options: { lock?: boolean } = {}) => {
  let q = db.selectFrom("archive_records").selectAll().where("archive_no", "=", archiveNo);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
};

export const findRecordOfCase = (db: Db, caseId: string) =>
  db.selectFrom("archive_records").selectAll().where("case_id", "=", caseId).executeTakeFirst();

export type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export async function updateRecord(
  tx: Tx,
  archiveNo: string,
  patch: Partial<Insertable<ArchiveRecordsTable>>,
) {
  await tx.updateTable("archive_records").set(patch).where("archive_no", "=", archiveNo).execute();
}

export async function listRecords(
  db: Db,
  filter: { jurisdictions: readonly string[]; status?: ArchiveStatus; unitCode?: string; limit: number },
) {
  let q = db.selectFrom("archive_records").selectAll().orderBy("transferred_at", "desc").limit(filter.limit);
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.unitCode) q = q.where("unit_code", "=", filter.unitCode);
  return q
    .where((eb) =>
      eb.or(filter.jurisdictions.map((j) => eb("jurisdiction", "like", `${j.replace(/0+$/, "")}%`))),
    )
    .execute();
}

/** The next 档号 serial of an office and year (gapless under the caller's transaction). */
export async function nextArchiveSerial(tx: Tx, jurisdiction: string, year: number): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`archive:${jurisdiction}:${year}`}))`.execute(tx);
  const row = await tx
    .selectFrom("archive_records")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("jurisdiction", "=", jurisdiction)
    .where("year", "=", year)
    .executeTakeFirstOrThrow();
  return row.n + 1;
}

export async function insertEvent(
  db: Db,
  e: { archiveNo: string; action: string; actorId: string | null; at: Date; details?: unknown },
) {
  await db
    .insertInto("archive_events")
    .values({
      archive_no: e.archiveNo,
      action: e.action,
      actor_id: e.actorId,
      at: e.at,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export const listEvents = (db: Db, archiveNo: string) =>
  db.selectFrom("archive_events").selectAll().where("archive_no", "=", archiveNo).orderBy("id").execute();

export async function insertLoan(
  tx: Tx,
  loan: {
    archiveNo: string;
    borrowerId: string;
    purpose: string;
    status: "requested" | "lent";
    requestedBy: string;
    at: Date;
    approvedBy: string | null;
    dueOn: string | null;
  },
): Promise<number> {
  const row = await tx
    .insertInto("archive_loans")
    .values({
      archive_no: loan.archiveNo,
      borrower_id: loan.borrowerId,
      purpose: loan.purpose,
      status: loan.status,
      requested_by: loan.requestedBy,
      requested_at: loan.at,
      approved_by: loan.approvedBy,
      approved_at: loan.approvedBy ? loan.at : null,
      due_on: loan.dueOn,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export const findLoan = (tx: Db, id: number) =>
  tx.selectFrom("archive_loans").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();

export async function updateLoan(
  tx: Tx,
  id: number,
  patch: Partial<Insertable<import("../platform/db/schema").ArchiveLoansTable>>,
) {
  await tx.updateTable("archive_loans").set(patch).where("id", "=", id).execute();
}

export const listLoans = (db: Db, archiveNo: string) =>
  db.selectFrom("archive_loans").selectAll().where("archive_no", "=", archiveNo).orderBy("id").execute();

export const listOpenLoans = (db: Db, jurisdictionPrefixes: readonly string[]) =>
  db
    .selectFrom("archive_loans")
    .innerJoin("archive_records", "archive_records.archive_no", "archive_loans.archive_no")
    .selectAll("archive_loans")
    .select(["archive_records.title", "archive_records.jurisdiction"])
    .where("archive_loans.status", "in", ["requested", "lent"])
    .where((eb) =>
      eb.or(
        jurisdictionPrefixes.map((j) =>
          eb("archive_records.jurisdiction", "like", `${j.replace(/0+$/, "")}%`),
        ),
      ),
    )
    .orderBy("archive_loans.id")
    .execute();

/** 档案统计: records by status, category and year; open loans; the last check's outcome. */
export async function statistics(db: Db, jurisdictionPrefixes: readonly string[]) {
  const prefixes = jurisdictionPrefixes.map((j) => `${j.replace(/0+$/, "")}%`);
  const byStatus = await db
    .selectFrom("archive_records")
    .select([
      "status",
      sql<number>`count(*)::int`.as("n"),
      sql<number>`coalesce(sum(bytes),0)::bigint`.as("bytes"),
    ])
    .where((eb) => eb.or(prefixes.map((p) => eb("jurisdiction", "like", p))))
    .groupBy("status")
    .execute();
  const byCategory = await db
    .selectFrom("archive_records")
    .select(["category", "retention", sql<number>`count(*)::int`.as("n")])
    .where((eb) => eb.or(prefixes.map((p) => eb("jurisdiction", "like", p))))
    .groupBy(["category", "retention"])
    .execute();
  const failing = await db
    .selectFrom("archive_records")
    .select(sql<number>`count(*)::int`.as("n"))
    .where((eb) => eb.or(prefixes.map((p) => eb("jurisdiction", "like", p))))
    .where("check_ok", "=", false)
    .executeTakeFirstOrThrow();
  return { byStatus, byCategory, failingChecks: failing.n };
}
