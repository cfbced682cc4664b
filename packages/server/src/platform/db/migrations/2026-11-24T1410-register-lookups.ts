import { type Kysely, sql } from "kysely";

// 按证书号查单元: courts and banks find a unit by the certificate number on their documents; the
// register's rights keep the number of the title certificate (imported registers included).
// 抵押物/查封清单: an institution lists the restrictions it holds (its credit code's lookup hash).
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index rights_certificate_no on rights (certificate_no) where certificate_no is not null;
    create index encumbrances_holder on encumbrances (holder_id_hash, kind) where holder_id_hash is not null;
  `.execute(db);
}
