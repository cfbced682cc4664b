import type { ScheduleDay } from "@yulin/domain";
import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

const COLUMNS = [
  "id",
  "year",
  "days",
  "source_ref",
  "status",
  "proposed_by",
  "proposed_at",
  "decided_by",
  "decided_at",
  "decision_note",
  "recomputed_cases",
] as const;

export async function insertScheduleProposal(
  tx: Tx,
  row: { year: number; days: ScheduleDay[]; sourceRef: string; proposedBy: string },
): Promise<string> {
  const inserted = await tx
    .insertInto("holiday_schedules")
    .values({
      year: row.year,
      days: JSON.stringify(row.days),
      source_ref: row.sourceRef,
      status: "pending",
      proposed_by: row.proposedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findPendingProposal(db: Db, year: number) {
  return db
    .selectFrom("holiday_schedules")
    .select(["id"])
    .where("year", "=", year)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

export async function findProposalForUpdate(tx: Tx, id: string) {
  return tx
    .selectFrom("holiday_schedules")
    .select(COLUMNS)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listProposals(db: Db, filter: { year?: number; status?: string }) {
  let q = db.selectFrom("holiday_schedules").select(COLUMNS);
  if (filter.year !== undefined) q = q.where("year", "=", filter.year);
  if (filter.status !== undefined) q = q.where("status", "=", filter.status as "pending");
  return q.orderBy("proposed_at", "desc").limit(100).execute();
}

export async function decideProposal(
  tx: Tx,
  id: string,
  decision: {
    status: "approved" | "rejected";
    decidedBy: string;
    note: string | null;
    recomputedCases: number | null;
  },
): Promise<void> {
  await tx
    .updateTable("holiday_schedules")
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      decision_note: decision.note,
      recomputed_cases: decision.recomputedCases,
    })
    .where("id", "=", id)
    .execute();
}

/** Replaces the days of a year by an approved schedule. */
export async function replaceYearDays(
  tx: Tx,
  year: number,
  days: readonly ScheduleDay[],
  updatedBy: string,
): Promise<void> {
  await tx
    .deleteFrom("holidays")
    .where("date", ">=", `${year}-01-01`)
    .where("date", "<=", `${year}-12-31`)
    .execute();
  if (days.length === 0) return;
  await tx
    .insertInto("holidays")
    .values(
      days.map((d) => ({
        date: d.date,
        kind: d.kind,
        name: d.name,
        source: "admin" as const,
        updated_by: updatedBy,
      })),
    )
    .execute();
}
