import { type Kysely, sql } from "kysely";

// Electronic archive (archive/) and national reporting (integrations/national/). Forward-only.
// Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 登簿日志上报: one report per registered case, acknowledged by the national platform once.
  await sql`
    create table national_reports (
      report_id text primary key,
      case_id text not null unique,
      jurisdiction text not null,
      unit_code text not null,
      type_id text not null,
      registered_at timestamptz not null,
      report_day text not null,
      entry_seqs jsonb not null,
      status text not null check (status in ('pending','delivered','acknowledged','rejected')),
      sends integer not null default 1,
      last_sent_at timestamptz not null,
      ack_no text,
      acked_at timestamptz,
      duplicate_acks integer not null default 0,
      rejection text,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index national_reports_day on national_reports (report_day, status)`.execute(db);

  // 电子档案: one archive package per case (or per legacy paper file), its lifecycle and use.
  await sql`
    create table archive_records (
      archive_no text primary key,
      kind text not null check (kind in ('case','legacy')),
      case_id text unique,
      jurisdiction text not null,
      unit_code text,
      title text not null,
      category text not null,
      retention text not null check (retention in ('permanent','30y','10y')),
      year integer not null,
      status text not null check (status in ('transferred','archived','lent','destroyed')),
      package_dir text not null,
      manifest_sm3 text not null,
      signature text not null,
      public_key text not null,
      files integer not null,
      bytes bigint not null,
      transferred_by text,
      transferred_at timestamptz not null,
      signed_off_by text,
      signed_off_at timestamptz,
      check_ok boolean,
      last_check jsonb,
      last_check_at timestamptz,
      destroyed_by text,
      destroyed_at timestamptz,
      destroy_reason text,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index archive_records_jurisdiction on archive_records (jurisdiction, status)`.execute(db);
  await sql`create index archive_records_unit on archive_records (unit_code)`.execute(db);
  await sql`
    create table archive_loans (
      id bigserial primary key,
      archive_no text not null references archive_records (archive_no),
      borrower_id text not null,
      purpose text not null,
      status text not null check (status in ('requested','lent','returned','refused')),
      requested_by text not null,
      requested_at timestamptz not null,
      approved_by text,
      approved_at timestamptz,
      due_on text,
      returned_at timestamptz,
      received_by text
    )
  `.execute(db);
  await sql`create index archive_loans_record on archive_loans (archive_no)`.execute(db);
  await sql`
    create table archive_events (
      id bigserial primary key,
      archive_no text not null,
      action text not null,
      actor_id text,
      at timestamptz not null,
      details jsonb not null default '{}'::jsonb
    )
  `.execute(db);
  await sql`create index archive_events_record on archive_events (archive_no, id)`.execute(db);
}
