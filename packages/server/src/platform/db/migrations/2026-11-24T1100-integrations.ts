import { type Kysely, sql } from "kysely";

// Department collaboration (部门协同): outbox, connector health, institution keys, inbound
// messages, tax two-way check, unified payment, fetched materials, simulator state.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outbox (
      id bigserial primary key,
      topic text not null,
      connector text not null,
      idempotency_key text not null unique,
      -- SM4-sealed JSON: payloads carry personal data (parties' ID numbers).
      payload text not null,
      -- What an operator may see: case reference, unit code, amounts; never personal data.
      summary jsonb not null default '{}',
      jurisdiction char(6),
      status text not null default 'pending'
        check (status in ('pending','sending','delivered','dead','skipped')),
      attempts integer not null default 0,
      max_attempts integer not null check (max_attempts > 0),
      next_attempt_at timestamptz not null default now(),
      locked_by text,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      delivered_at timestamptz
    );
    create index outbox_due on outbox (next_attempt_at, id) where status = 'pending';
    create index outbox_leased on outbox (locked_until) where status = 'sending';
    create index outbox_status on outbox (status, connector, id);

    create table connector_health (
      connector text primary key,
      last_success_at timestamptz,
      last_failure_at timestamptz,
      last_error text,
      consecutive_failures integer not null default 0,
      delivered_count bigint not null default 0,
      failed_count bigint not null default 0
    );

    -- An institution's SM2 public key (callbacks it signs) and its endpoint (messages we push).
    create table institution_connections (
      institution_id uuid primary key references institutions(id),
      public_key text check (public_key ~ '^04[0-9a-f]{128}$'),
      endpoint_url text,
      updated_at timestamptz not null default now()
    );

    -- Replay protection: a nonce is accepted once per institution.
    create table inbound_nonces (
      institution_id uuid not null,
      nonce text not null,
      seen_at timestamptz not null default now(),
      primary key (institution_id, nonce)
    );
    -- Idempotent processing: one result per message id, whatever the number of transmissions.
    create table inbound_messages (
      institution_id uuid not null,
      message_id text not null,
      department text not null,
      type text not null,
      body_digest text not null,
      result jsonb not null,
      received_at timestamptz not null default now(),
      primary key (institution_id, message_id)
    );

    create table tax_declarations (
      case_ref text primary key,
      jurisdiction char(6) not null,
      declaration_no text not null unique,
      payload text not null,
      summary jsonb not null,
      household_homes integer not null check (household_homes >= 0),
      household_source text not null check (household_source in ('register','guarantee')),
      status text not null check (status in ('submitted','assessed','contested','cleared','registered')),
      contests integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table tax_assessments (
      assessment_no text primary key,
      case_ref text not null references tax_declarations(case_ref),
      lines jsonb not null,
      total_fen bigint not null check (total_fen >= 0),
      household_homes integer not null,
      category text not null,
      rate_bp integer not null,
      received_at timestamptz not null default now(),
      superseded_at timestamptz
    );
    create unique index tax_assessments_current on tax_assessments (case_ref) where superseded_at is null;
    -- 完税 two-way check: what the tax department confirmed, and whether the register used it.
    create table tax_confirmations (
      voucher_no text primary key,
      case_ref text not null,
      assessment_no text not null,
      kind text not null check (kind in ('paid','exempt')),
      amount_fen bigint not null check (amount_fen >= 0),
      confirmed_at timestamptz not null,
      received_at timestamptz not null default now(),
      source text not null,
      registered_at timestamptz
    );
    create index tax_confirmations_case on tax_confirmations (case_ref);

    create sequence payment_receipt_seq;
    create table payment_orders (
      id uuid primary key default gen_random_uuid(),
      order_no text not null unique,
      case_ref text not null,
      jurisdiction char(6) not null,
      lines jsonb not null,
      total_fen bigint not null check (total_fen > 0),
      status text not null check (status in ('open','paid','cancelled')),
      created_at timestamptz not null default now(),
      paid_at timestamptz
    );
    create unique index payment_orders_case on payment_orders (case_ref) where status <> 'cancelled';
    create table payment_parts (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null references payment_orders(id),
      part_no text not null unique,
      seq integer not null,
      payer text not null,
      amount_fen bigint not null check (amount_fen > 0),
      status text not null check (status in ('pending','paid')),
      pay_token text not null,
      pay_url text,
      gateway_txn_id text unique,
      paid_at timestamptz,
      paid_on date,
      receipt_no text unique,
      receipt jsonb,
      unique (order_id, seq)
    );
    create index payment_parts_paid_on on payment_parts (paid_on) where status = 'paid';
    -- 清分: each paid part split to the treasury (taxes) or the non-tax account (fees).
    create table payment_allocations (
      id bigserial primary key,
      part_id uuid not null references payment_parts(id),
      line_code text not null,
      account text not null check (account in ('treasury','non-tax')),
      account_no text not null,
      amount_fen bigint not null check (amount_fen > 0),
      paid_on date not null
    );
    create index payment_allocations_part on payment_allocations (part_id);
    create index payment_allocations_day on payment_allocations (paid_on);
    create table reconciliation_reports (
      date date primary key,
      balanced boolean not null,
      report jsonb not null,
      created_at timestamptz not null default now()
    );

    -- 零材料: licences and contracts fetched from departments, kept as case materials.
    create table fetched_materials (
      id uuid primary key default gen_random_uuid(),
      case_ref text,
      jurisdiction char(6),
      kind text not null check (kind in ('id-card','household-register','marriage-certificate',
        'business-licence','housing-contract','purchase-eligibility')),
      holder_hash text,
      holder_masked text,
      document_no text not null,
      issuer text not null,
      content text not null,
      digest text not null check (digest ~ '^[0-9a-f]{64}$'),
      source text not null,
      consent jsonb not null default '{}',
      fetched_by uuid,
      fetched_at timestamptz not null default now()
    );
    create index fetched_materials_case on fetched_materials (case_ref);

    -- State of the simulated departments (embedded default, demo, tests): their own records.
    create table simulator_records (
      department text not null,
      kind text not null,
      key text not null,
      data jsonb not null,
      sealed text,
      created_at timestamptz not null default now(),
      primary key (department, kind, key)
    );
  `.execute(db);
}
