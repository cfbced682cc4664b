import { type Kysely, sql } from "kysely";

// 查询 (queries/, R30): query applications with their certified, sealed results; the query log
// (查询留痕) of every query, including institutions' API reads; intent-only quota blocks.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table query_applications (
      id uuid primary key default gen_random_uuid(),
      number text collate "C" not null unique,
      account_id uuid not null,
      institution_id uuid,
      querent_kind text not null,
      querent_name text not null,
      purpose text not null,
      scope text not null check (scope in ('status','results','full','holdings')),
      subject_kind text not null check (subject_kind in ('unit','certificate','address','person')),
      subject text not null,
      unit_codes jsonb not null default '[]',
      jurisdiction char(6),
      proof jsonb not null default '[]',
      status text not null check (status in ('answered','pending','refused')),
      refusal jsonb,
      due_on date,
      decided_by uuid,
      decided_at timestamptz,
      result jsonb,
      register_version bigint,
      verify_token text collate "C" unique,
      pdf bytea,
      pdf_sm3 char(64),
      seal_public_key text,
      seal_signature text,
      sealed_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index query_applications_account on query_applications (account_id, created_at desc);
    create index query_applications_pending on query_applications (jurisdiction, created_at)
      where status = 'pending';

    create table query_log (
      id uuid primary key default gen_random_uuid(),
      at timestamptz not null default now(),
      account_id uuid,
      querent_kind text not null,
      -- An institution's name, or a person's name masked (张*): what the holder sees.
      querent_label text not null,
      channel text not null check (channel in ('hall','api')),
      purpose text,
      scope text not null,
      subject text not null,
      unit_code text collate "C",
      outcome text not null check (outcome in ('answered','queued','refused','approved')),
      intent_only boolean not null default false,
      application_id uuid references query_applications (id)
    );
    create index query_log_unit on query_log (unit_code, at desc);
    create index query_log_account on query_log (account_id, at desc);

    create table query_blocks (
      account_id uuid not null,
      day date not null,
      reason text not null,
      created_at timestamptz not null default now(),
      followed_up_by uuid,
      followed_up_at timestamptz,
      follow_up_note text,
      primary key (account_id, day)
    );
  `.execute(db);
}
