import { type Kysely, sql } from "kysely";

// 零材料: a case material the registry fetched itself names the department it came from and the
// document's own number (licence, contract or certificate number); its SM3 digest stays in
// licence_digest. Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table case_materials
      add column fetched_from text check (fetched_from in ('elicence','register','housing','tax')),
      add column document_no text
  `.execute(db);
}
