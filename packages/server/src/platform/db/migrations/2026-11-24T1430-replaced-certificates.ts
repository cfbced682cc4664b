import { type Kysely, sql } from "kysely";

// 按证书号查单元 for a number replaced by 补发/换发: the `right.certificate` entry names the number it
// replaces; an expression index over those entries finds the unit without scanning the ledger.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index register_entries_replaced_certificate on register_entries ((body ->> 'replaces'))
      where kind = 'right.certificate'
  `.execute(db);
}
