import { type Kysely, sql } from "kysely";

// 节假日安排 under four-eyes (calendar/): an administrator proposes a year's State Council
// schedule; a second administrator approves it before it replaces the year's days in `holidays`.
// One pending proposal per year. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table holiday_schedules (
      id uuid primary key default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      days jsonb not null,
      source_ref text not null,
      status text not null check (status in ('pending','approved','rejected')),
      proposed_by uuid not null,
      proposed_at timestamptz not null default now(),
      decided_by uuid,
      decided_at timestamptz,
      decision_note text,
      recomputed_cases integer,
      check ((status = 'pending') = (decided_by is null)),
      -- Four-eyes held by the database too: the proposer may withdraw, never approve.
      check (status <> 'approved' or decided_by <> proposed_by)
    );
    create unique index holiday_schedules_one_pending on holiday_schedules (year) where status = 'pending';
  `.execute(db);
}
