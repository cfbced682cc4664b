import { type Kysely, sql } from "kysely";

// 好差评: each applicant-side account rates a finished case once (1–5 stars and a comment); the
// supervisors of the registering office see the averages and follow up on the bad ones.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_ratings (
      case_id text collate "C" not null references cases (id),
      account_id uuid not null,
      -- The registering office (the case's jurisdiction), for the supervisors' lists.
      jurisdiction char(6) not null,
      score smallint not null check (score between 1 and 5),
      comment text not null default '',
      created_at timestamptz not null default now(),
      primary key (case_id, account_id)
    );
    create index case_ratings_office on case_ratings (jurisdiction, created_at desc);
  `.execute(db);
}
