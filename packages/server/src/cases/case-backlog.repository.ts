import { sql } from "kysely";
import type { Database } from "../platform/db/database";
import { OPEN_STAGES } from "./case-deadlines";

/**
 * 积压 for the dashboards: open cases (accepted, not yet registered or closed) per office and
 * stage now, and how many of them are past their promised deadline. Reads the office-stage index.
 */
export async function countOpenCasesByOfficeStage(db: Database, prefixes: readonly string[], today: string) {
  if (prefixes.length === 0) return [];
  const like = sql.join(
    prefixes.map((p) => sql`jurisdiction like ${`${p}%`}`),
    sql` or `,
  );
  const { rows } = await sql<{ jurisdiction: string; stage: string; open: number; overdue: number }>`
    select jurisdiction, stage, count(*)::int as open,
      count(*) filter (where deadline < ${today}::date)::int as overdue
    from cases
    where stage in (${sql.join([...OPEN_STAGES])}) and (${like})
    group by jurisdiction, stage
    order by jurisdiction, stage`.execute(db);
  return rows;
}
