import { type Kysely, sql } from "kysely";

// 水电气网视联动过户 (1+N, integrations/utilities): per case, the utility accounts the buyer asked
// to move with the property, and each company's answer. Forward-only. Plain SQL that runs on
// PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table utility_transfers (
      case_id text not null,
      service text not null check (service in ('water','power','gas','network','tv')),
      account_no text not null,
      status text not null check (status in ('chosen','requested','done','rejected')),
      chosen_by uuid not null,
      chosen_at timestamptz not null,
      requested_at timestamptz,
      answered_at timestamptz,
      company_ref text,
      reason text,
      connector_mode text,
      primary key (case_id, service)
    );
    create index utility_transfers_open on utility_transfers (status) where status = 'requested';
  `.execute(db);
}
