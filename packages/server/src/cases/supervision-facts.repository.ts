import { sql } from "kysely";
import type { Database } from "../platform/db/database";

/**
 * What the integrity rules (supervision/) read of the cases: the office's cases registered or
 * accepted in a window, their timelines and parties, and which read units an account has a case on.
 */
const CASE_FACT_COLUMNS = sql`
  c.id, c.jurisdiction,
  coalesce((select json_agg(p.type_id order by p.part_no) from case_parts p where p.case_id = c.id),
           json_build_array(c.type_id)) as type_ids,
  c.unit_code, coalesce(c.instant_route ->> 'route' = 'automatic', false) as instant,
  c.created_by, c.accepted_at, c.registered_at`;

export type CaseFactRow = {
  id: string;
  jurisdiction: string;
  type_ids: string[];
  unit_code: string;
  instant: boolean;
  created_by: string;
  accepted_at: Date | null;
  registered_at: Date | null;
};

export async function listCaseFacts(db: Database, office: string, from: Date, to: Date) {
  return (
    await sql<CaseFactRow>`
      select ${CASE_FACT_COLUMNS}
      from cases c
      where c.jurisdiction = ${office}
        and ((c.registered_at >= ${from} and c.registered_at < ${to})
          or (c.accepted_at >= ${from} and c.accepted_at < ${to})
          or (c.updated_at >= ${from} and c.updated_at < ${to}))
      order by c.id`.execute(db)
  ).rows;
}

/** Cases registered on the given units since a date (the risk rules look back N days). */
export async function listRegisteredOnUnits(db: Database, unitCodes: readonly string[], since: Date) {
  if (unitCodes.length === 0) return [];
  return (
    await sql<CaseFactRow>`
      select ${CASE_FACT_COLUMNS}
      from cases c
      where c.unit_code in (${sql.join(unitCodes)}) and c.registered_at >= ${since}
      order by c.id`.execute(db)
  ).rows;
}

/** The full timelines of the given cases, in order. */
export async function listTransitionsOf(db: Database, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom("case_transitions")
    .select(["id", "case_id", "action", "from_stage", "to_stage", "actor_id", "actor_role", "at"])
    .where("case_id", "in", caseIds)
    .orderBy("id")
    .execute();
}

/** Everyone the given cases name, by lookup key (no identity numbers). */
export async function listPartyKeysOf(db: Database, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom("case_parties")
    .select(["case_id", "person_key", "name"])
    .where("case_id", "in", caseIds)
    .distinct()
    .execute();
}

/** Of the given account and unit pairs, those where the account created or is named in a case of the unit. */
export async function unitsWithCaseOf(
  db: Database,
  pairs: ReadonlyArray<{ accountId: string; unitCode: string }>,
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await sql<{ account_id: string; unit_code: string }>`
    select distinct v.account_id, v.unit_code
    from (values ${sql.join(pairs.map((p) => sql`(${p.accountId}::uuid, ${p.unitCode}::text)`))}) as v (account_id, unit_code)
    where exists (
      select 1 from cases c
      where c.unit_code = v.unit_code
        and (c.created_by = v.account_id
          or exists (select 1 from case_parties p where p.case_id = c.id and p.account_id = v.account_id)))`.execute(
    db,
  );
  return new Set(rows.rows.map((r) => `${r.account_id}|${r.unit_code.trim()}`));
}
