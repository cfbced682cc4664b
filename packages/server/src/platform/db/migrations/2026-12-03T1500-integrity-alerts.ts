import { type Kysely, sql } from "kysely";

// 廉防预警: alerts raised by the integrity and risk rules over the case, certificate, query and tax
// tables, their follow-ups by supervisors, and each office's thresholds (defaults in the domain).
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table integrity_alerts (
      id uuid primary key default gen_random_uuid(),
      office char(6) not null,
      rule text not null,
      -- Identifies the pattern within its rule, so a later sweep does not raise it twice.
      subject_key text not null,
      case_ids jsonb not null default '[]',
      transition_ids jsonb not null default '[]',
      audit_ids jsonb not null default '[]',
      summary_zh text not null,
      summary_en text not null,
      figures jsonb not null default '{}',
      status text not null default 'open'
        check (status in ('open','assigned','explained','justified','escalated')),
      assignee uuid,
      raised_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (rule, subject_key)
    );
    create index integrity_alerts_office on integrity_alerts (office, status, raised_at desc);

    create table integrity_alert_follow_ups (
      id bigserial primary key,
      alert_id uuid not null references integrity_alerts (id),
      action text not null check (action in ('assign','explain','close-justified','escalate')),
      note text not null,
      assignee uuid,
      by_account uuid not null,
      at timestamptz not null default now()
    );
    create index integrity_alert_follow_ups_alert on integrity_alert_follow_ups (alert_id, id);

    create table integrity_thresholds (
      office char(6) not null,
      name text not null,
      value integer not null,
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (office, name)
    );
  `.execute(db);
}
