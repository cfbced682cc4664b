import type { Database } from "../platform/db/database";

/** The paper forms (印制号) an office printed on or spoiled, printed within the window. */
export async function listUsedFormSerials(db: Database, office: string, from: Date, to: Date) {
  return db
    .selectFrom("certificate_prints")
    .select(["id", "certificate_id", "form_serial", "status", "printed_by", "printed_at"])
    .where("office", "=", office)
    .where("status", "in", ["printed", "spoiled"])
    .where("printed_at", ">=", from)
    .where("printed_at", "<", to)
    .execute();
}
