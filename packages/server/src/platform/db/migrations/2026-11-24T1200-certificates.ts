import { type Kysely, sql } from "kysely";

// Certificates (不动产权证书) and certifications (不动产登记证明): number series, the certificates
// with their sealed PDFs, recipients, paper printing and delivery.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One row per registry, year and kind, locked FOR UPDATE by the registering transaction: the
    -- sequence is gapless because a rolled-back transaction rolls back its increment too.
    create table certificate_number_series (
      scope_code char(6) not null,
      year integer not null check (year between 2015 and 9999),
      kind text not null check (kind in ('certificate','certification')),
      registry text not null,
      last_sequence integer not null default 0 check (last_sequence between 0 and 9999999),
      primary key (scope_code, year, kind)
    );

    -- Rendered PDFs, content-addressed by the SM3 of their bytes.
    create table certificate_files (
      sm3 char(64) primary key,
      bytes bytea not null,
      size integer not null check (size = octet_length(bytes)),
      created_at timestamptz not null default now()
    );

    create table certificates (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      kind text not null check (kind in ('certificate','certification')),
      -- The registering office (its jurisdiction decides staff access) and the number's series.
      office char(6) not null,
      scope_code char(6) not null,
      year integer not null,
      sequence integer not null,
      unit_code char(28) collate "C" not null,
      case_id text,
      register_seq bigint,
      data jsonb not null,
      data_sm3 char(64) not null,
      plans jsonb not null default '{}',
      verify_token text not null unique,
      status text not null default 'current' check (status in ('current','replaced','void')),
      void_reason text check (void_reason in
        ('transfer','change','correction','cancellation','revocation','replacement')),
      voided_at timestamptz,
      voided_case_id text,
      replaces_id uuid references certificates (id),
      replaced_by_id uuid references certificates (id),
      replacement_reason text check (replacement_reason in ('lost','damaged')),
      -- The sealed PDF as stored (content address) and the SM3 of its unsealed body (signed).
      file_sm3 char(64) references certificate_files (sm3),
      pdf_sm3 char(64),
      seal_public_key text,
      seal_signature text,
      sealed_at timestamptz,
      render_attempts integer not null default 0,
      render_error text,
      render_lease_until timestamptz,
      created_at timestamptz not null default now(),
      unique (scope_code, year, kind, sequence),
      check ((status = 'current') = (void_reason is null)),
      check ((status = 'replaced') = (void_reason is not distinct from 'replacement')),
      check ((file_sm3 is null) = (seal_signature is null) and (file_sm3 is null) = (pdf_sm3 is null))
    );
    create index certificates_unit on certificates (unit_code, status);
    create index certificates_office on certificates (office, created_at);
    create index certificates_case on certificates (case_id) where case_id is not null;
    create index certificates_unsealed on certificates (created_at) where file_sm3 is null;

    -- Who receives it (发证): the holders and, for a mortgage certification, the mortgagee bank.
    create table certificate_recipients (
      id bigserial primary key,
      certificate_id uuid not null references certificates (id),
      role text not null check (role in ('holder','mortgagee')),
      account_id uuid references accounts (id),
      institution_id uuid references institutions (id),
      issued_at timestamptz,
      check ((account_id is null) <> (institution_id is null))
    );
    create unique index certificate_recipients_once
      on certificate_recipients (certificate_id, coalesce(account_id, institution_id));
    create index certificate_recipients_account on certificate_recipients (account_id) where account_id is not null;
    create index certificate_recipients_institution
      on certificate_recipients (institution_id) where institution_id is not null;

    -- Paper printing (缮证), at the registering office or remotely at the accepting office.
    create table certificate_prints (
      id uuid primary key default gen_random_uuid(),
      certificate_id uuid not null references certificates (id),
      office char(6) not null,
      status text not null default 'queued' check (status in ('queued','printed','spoiled','cancelled')),
      form_serial text unique,
      requested_at timestamptz not null default now(),
      requested_by uuid,
      printed_at timestamptz,
      printed_by uuid,
      note text,
      check ((status in ('printed','spoiled')) = (form_serial is not null))
    );
    create index certificate_prints_queue on certificate_prints (office, requested_at) where status = 'queued';
    create unique index certificate_prints_one_queued on certificate_prints (certificate_id) where status = 'queued';
    create unique index certificate_prints_one_printed on certificate_prints (certificate_id) where status = 'printed';

    -- Handing over the paper certificate: at the counter or by post with a tracking number.
    create table certificate_deliveries (
      id uuid primary key default gen_random_uuid(),
      certificate_id uuid not null references certificates (id),
      method text not null check (method in ('pickup','post')),
      status text not null default 'pending'
        check (status in ('pending','dispatched','delivered','collected','returned')),
      office char(6) not null,
      recipient_name text not null,
      -- Address and phone are personal data: SM4-sealed, masked copy for display.
      address_enc text,
      phone_enc text,
      phone_masked text,
      carrier text,
      tracking_number text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (method = 'pickup' or address_enc is not null),
      check (status <> 'dispatched' or tracking_number is not null)
    );
    create index certificate_deliveries_certificate on certificate_deliveries (certificate_id);
    create unique index certificate_deliveries_tracking
      on certificate_deliveries (carrier, tracking_number) where tracking_number is not null;
  `.execute(db);
}
