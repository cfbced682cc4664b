import type { Database } from "../platform/db/database";

/**
 * The cases registered in [from, to): each with the register entries its parts appended. Read by
 * the national reporting's reconciliation through a port (entrypoints/setup.ts).
 */
export async function listRegisteredBetween(db: Database, from: Date, to: Date) {
  const cases = await db
    .selectFrom("cases")
    .select(["id", "jurisdiction", "unit_code", "type_id", "registered_at"])
    .where("registered_at", ">=", from)
    .where("registered_at", "<", to)
    .orderBy("registered_at")
    .execute();
  const seqs = new Map<string, number[]>();
  for (let i = 0; i < cases.length; i += 500) {
    const ids = cases.slice(i, i + 500).map((c) => c.id);
    const parts = await db
      .selectFrom("case_parts")
      .select(["case_id", "part_no", "entry_seqs"])
      .where("case_id", "in", ids)
      .orderBy("case_id")
      .orderBy("part_no")
      .execute();
    for (const p of parts) seqs.set(p.case_id, [...(seqs.get(p.case_id) ?? []), ...p.entry_seqs]);
  }
  return cases.map((c) => ({
    caseId: c.id,
    jurisdiction: c.jurisdiction,
    unitCode: c.unit_code,
    typeId: c.type_id,
    registeredAt: new Date(c.registered_at as Date),
    entrySeqs: seqs.get(c.id) ?? [],
  }));
}
