import type { Database } from "../../platform/db/database";

/** When each case's deed tax was first confirmed paid or exempt (cases without one are absent). */
export async function listTaxClearedAt(db: Database, caseRefs: readonly string[]) {
  if (caseRefs.length === 0) return [];
  return db
    .selectFrom("tax_confirmations")
    .select(["case_ref"])
    .select((eb) => eb.fn.min("confirmed_at").as("cleared_at"))
    .where("case_ref", "in", caseRefs)
    .groupBy("case_ref")
    .execute();
}
