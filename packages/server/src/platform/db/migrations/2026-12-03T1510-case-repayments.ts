import { type Kysely, sql } from "kysely";

// 带押过户（分段模式）: after the transfer and the new mortgage are registered, the case waits for the
// old mortgagee's confirmation, through the bank connector, that its loan was repaid from the
// supervised new loan; its mortgage is then cancelled. One row per case.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_repayments (
      case_id text collate "C" primary key references cases (id),
      unit_code char(28) collate "C" not null,
      -- The old mortgage (its register seq) and the bank that holds it.
      mortgage_seq bigint not null,
      bank_institution_id uuid not null,
      requested_at timestamptz not null,
      confirmed_at timestamptz,
      -- The bank's signed message that confirmed the repayment, and the cancellation it recorded.
      message_id text,
      cancel_seq bigint
    );
    create index case_repayments_awaiting on case_repayments (bank_institution_id) where confirmed_at is null;
  `.execute(db);
}
