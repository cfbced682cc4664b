import { sql } from "kysely";
import type { Database } from "../platform/db/database";

/** Per account and China day, the distinct units of an office it read (answered reads in the window). */
export async function listUnitReadsByDay(db: Database, office: string, from: Date, to: Date) {
  return (
    await sql<{ account_id: string; label: string; day: string; unit_codes: string[] }>`
      select l.account_id, min(l.querent_label) as label,
             to_char(l.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
             json_agg(distinct l.unit_code) as unit_codes
      from query_log l
      where l.account_id is not null and l.unit_code like ${`${office}%`}
        and l.outcome = 'answered' and not l.intent_only
        and l.at >= ${from} and l.at < ${to}
      group by l.account_id, 3
      order by 1, 3`.execute(db)
  ).rows;
}
