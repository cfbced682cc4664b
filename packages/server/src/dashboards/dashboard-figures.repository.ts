import { type RawBuilder, sql } from "kysely";
import type { Database } from "../platform/db/database";

/**
 * The dashboards' SQL over the daily figure tables, which triggers on cases, case_transitions and
 * encumbrances keep in the same transaction as the change (migration 2026-12-03T1500). Every
 * function takes the caller's jurisdiction prefixes (a city supervisor covers its counties) and a
 * China-day period.
 */
export type Period = { from: string; to: string };

const inScope = (column: string, prefixes: readonly string[]): RawBuilder<unknown> =>
  sql`(${sql.join(
    prefixes.map((p) => sql`${sql.ref(column)} like ${`${p}%`}`),
    sql` or `,
  )})`;

export type CaseFigureRow = {
  key: string;
  submitted: number;
  online: number;
  registered: number;
  instant: number;
  on_time: number;
  processing_seconds: number;
  transfers: number;
  transfer_price_fen: number;
};

/** Case figures of the period grouped by day, office, business type or month. */
export async function sumCaseFigures(
  db: Database,
  prefixes: readonly string[],
  period: Period,
  by: "day" | "jurisdiction" | "type_id" | "month",
): Promise<CaseFigureRow[]> {
  if (prefixes.length === 0) return [];
  const key = by === "month" ? sql`to_char(day, 'YYYY-MM')` : by === "day" ? sql`day::text` : sql.ref(by);
  const { rows } = await sql<CaseFigureRow>`
    select ${key} as key, sum(submitted)::int as submitted, sum(online)::int as online,
      sum(registered)::int as registered, sum(instant)::int as instant, sum(on_time)::int as on_time,
      sum(processing_seconds)::float8 as processing_seconds, sum(transfers)::int as transfers,
      sum(transfer_price_fen)::float8 as transfer_price_fen
    from case_day_figures
    where day between ${period.from}::date and ${period.to}::date and ${inScope("jurisdiction", prefixes)}
    group by 1 order by 1`.execute(db);
  return rows.map((r) => ({ ...r, key: r.key.trim() }));
}

/** 二手房市场: registered transfers and their summed price per month and office. */
export async function sumTransfersByMonthOffice(db: Database, prefixes: readonly string[], period: Period) {
  if (prefixes.length === 0) return [];
  const { rows } = await sql<{ month: string; jurisdiction: string; transfers: number; price_fen: number }>`
    select to_char(day, 'YYYY-MM') as month, jurisdiction, sum(transfers)::int as transfers,
      sum(transfer_price_fen)::float8 as price_fen
    from case_day_figures
    where day between ${period.from}::date and ${period.to}::date and transfers > 0
      and ${inScope("jurisdiction", prefixes)}
    group by 1, 2 order by 1, 2`.execute(db);
  return rows.map((r) => ({ ...r, jurisdiction: r.jurisdiction.trim() }));
}

/** 工作量: stage actions per staff member and office in the period. */
export async function sumStaffActions(db: Database, prefixes: readonly string[], period: Period) {
  if (prefixes.length === 0) return [];
  const { rows } = await sql<{ office: string; actor_id: string; actions: number }>`
    select office, actor_id, sum(actions)::int as actions
    from staff_day_figures
    where day between ${period.from}::date and ${period.to}::date and ${inScope("office", prefixes)}
    group by 1, 2 order by 3 desc, 2 limit 200`.execute(db);
  return rows.map((r) => ({ ...r, office: r.office.trim() }));
}

/** 抵押融资: mortgages registered in the period per bank (count and secured amount in yuan, as registered). */
export async function sumMortgagesByBank(db: Database, prefixes: readonly string[], period: Period) {
  if (prefixes.length === 0) return [];
  const { rows } = await sql<{ bank: string; count: number; amount_yuan: number }>`
    select holder_name as bank, sum(registered)::int as count, sum(amount)::float8 as amount_yuan
    from encumbrance_day_figures
    where kind = 'mortgage' and day between ${period.from}::date and ${period.to}::date
      and ${inScope("jurisdiction", prefixes)}
    group by 1 order by 3 desc, 1 limit 50`.execute(db);
  return rows;
}

/** 争议: objections and seizures registered per month (corrections come from the case figures). */
export async function sumDisputeEncumbrances(db: Database, prefixes: readonly string[], period: Period) {
  if (prefixes.length === 0) return [];
  const { rows } = await sql<{ month: string; kind: string; count: number }>`
    select to_char(day, 'YYYY-MM') as month, kind, sum(registered)::int as count
    from encumbrance_day_figures
    where kind in ('objection', 'seizure') and day between ${period.from}::date and ${period.to}::date
      and ${inScope("jurisdiction", prefixes)}
    group by 1, 2 order by 1, 2`.execute(db);
  return rows;
}

/** Corrections (更正登记) registered per month. */
export async function sumCorrectionsByMonth(db: Database, prefixes: readonly string[], period: Period) {
  if (prefixes.length === 0) return [];
  const { rows } = await sql<{ month: string; count: number }>`
    select to_char(day, 'YYYY-MM') as month, sum(registered)::int as count
    from case_day_figures
    where type_id like 'correction.%' and day between ${period.from}::date and ${period.to}::date
      and ${inScope("jurisdiction", prefixes)}
    group by 1 order by 1`.execute(db);
  return rows;
}
