import { type Kysely, sql } from "kysely";

// 开发企业项目 (projects/): a developer's project on its parcel, the buildings imported from its
// 楼盘表 with their first registration, and the presale notices filed from the 网签 contracts
// with their automatic conversion (预转本). Forward-only. Plain SQL for PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table projects (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null,
      name text not null,
      jurisdiction char(6) not null,
      parcel_code char(19) collate "C" not null,
      presale_permit text,
      created_by uuid not null,
      created_at timestamptz not null default now()
    );
    create index projects_institution on projects (institution_id, created_at desc);

    create table project_buildings (
      project_id uuid not null references projects (id),
      building_no char(4) collate "C" not null,
      name text not null,
      unit_codes jsonb not null default '[]',
      case_id text collate "C",
      registered_at timestamptz,
      certificates jsonb not null default '[]',
      primary key (project_id, building_no)
    );

    create table project_notices (
      project_id uuid not null references projects (id),
      unit_code char(28) collate "C" not null,
      contract_no text not null,
      buyers jsonb not null,
      mortgage jsonb,
      notice_seqs jsonb not null default '[]',
      case_id text collate "C" not null,
      status text not null check (status in ('filed','converted','failed')),
      findings jsonb not null default '[]',
      certificates jsonb not null default '[]',
      filed_at timestamptz not null default now(),
      settled_at timestamptz,
      primary key (project_id, unit_code)
    );
    create unique index project_notices_case on project_notices (case_id);
  `.execute(db);
}
