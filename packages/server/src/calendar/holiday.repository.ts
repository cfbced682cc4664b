import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

export async function listHolidayRows(db: Db, year?: number) {
  let q = db.selectFrom("holidays").select(["date", "kind", "name", "source"]).orderBy("date");
  if (year !== undefined) q = q.where("date", ">=", `${year}-01-01`).where("date", "<=", `${year}-12-31`);
  return q.execute();
}

export async function listScheduledYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("holiday_years").select("year").orderBy("year").execute();
  return rows.map((r) => r.year);
}

/** Reference holidays from a published schedule; dates already entered are kept. */
export async function insertHolidaysIfAbsent(
  tx: Tx,
  rows: ReadonlyArray<{ date: string; kind: "off" | "work"; name: string; source: "chinese-days" }>,
): Promise<void> {
  await tx
    .insertInto("holidays")
    .values(rows.map((r) => ({ ...r, updated_by: null })))
    .onConflict((oc) => oc.column("date").doNothing())
    .execute();
}

export async function markYearScheduled(
  db: Db,
  year: number,
  source: "chinese-days" | "admin",
): Promise<void> {
  await db
    .insertInto("holiday_years")
    .values({ year, source })
    .onConflict((oc) =>
      source === "admin" ? oc.column("year").doUpdateSet({ source }) : oc.column("year").doNothing(),
    )
    .execute();
}
