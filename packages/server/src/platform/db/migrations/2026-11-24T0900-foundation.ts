import { type Kysely, sql } from "kysely";

// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table offices (
      code char(6) primary key,
      name text not null,
      city_code char(6) not null,
      province_code char(6) not null,
      created_at timestamptz not null default now()
    );

    create table institutions (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('bank','developer','agent','court','notary','tax','housing')),
      name text not null,
      credit_code char(18) unique,
      jurisdiction char(6),
      created_at timestamptz not null default now()
    );

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      kind text not null check (kind in ('citizen','company','institution','staff')),
      display_name text not null,
      institution_id uuid references institutions(id),
      id_number_enc text,
      id_number_hash text,
      id_number_masked text,
      phone_enc text,
      phone_hash text,
      phone_masked text,
      credit_code char(18),
      password_hash text not null,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      check ((kind = 'institution') = (institution_id is not null))
    );
    create unique index accounts_id_number_hash on accounts (id_number_hash) where id_number_hash is not null;
    create index accounts_phone_hash on accounts (phone_hash) where phone_hash is not null;

    create table staff_roles (
      account_id uuid not null references accounts(id),
      role text not null check (role in ('acceptor','reviewer','registrar','issuer','archivist','supervisor','admin')),
      jurisdiction char(6) not null,
      primary key (account_id, role, jurisdiction)
    );
    create index staff_roles_jurisdiction on staff_roles (jurisdiction, role);

    create table sessions (
      token_hash text primary key,
      account_id uuid not null references accounts(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text
    );
    create index sessions_account on sessions (account_id);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id),
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_kind text,
      actor_role text,
      jurisdiction char(6),
      action text not null,
      target_type text,
      target_id text,
      purpose text,
      outcome text not null check (outcome in ('success','denied','failed')),
      request_id text,
      ip text,
      details jsonb not null default '{}'
    );
    create index audit_log_actor on audit_log (actor_id, at);
    create index audit_log_target on audit_log (target_type, target_id, at);

    -- Audit records are append-only: refuse UPDATE, DELETE and TRUNCATE for every role.
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name using errcode = '42501';
    end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function refuse_change();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function refuse_change();

    create table holidays (
      date date primary key,
      kind text not null check (kind in ('off','work')),
      name text not null,
      source text not null check (source in ('chinese-days','admin')),
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create table holiday_years (
      year integer primary key,
      source text not null check (source in ('chinese-days','admin'))
    );

    create table settings (
      key text primary key,
      value jsonb not null
    );
  `.execute(db);
}
