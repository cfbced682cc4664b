import { type Kysely, sql } from "kysely";

// Cases and workflow (cases/): applications, their parts (a combined case registers several in one
// transaction), parties with roles, e-signatures, materials, the transition log, the parties'
// SM2 keys, and the time-driven effects the scheduler records in the register.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite. A case id starts with the
// registering county's code, and every large table carries the jurisdiction (Citus: distribute by it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cases (
      id text collate "C" primary key,
      -- The registering office: the county of the unit (属地审核登簿).
      jurisdiction char(6) not null,
      kind text not null check (kind in ('single','combined')),
      -- A business type id of the catalogue, or a combined type id.
      type_id text not null,
      unit_code char(28) collate "C" not null,
      -- Where the case was submitted and accepted (全市通办/跨省通办): any office.
      accepting_office char(6),
      stage text not null,
      -- The domain's CaseState without its history (acceptedOn, pauses, announcement, correction items).
      state jsonb not null,
      -- SM3 of the canonical content the parties sign; a change invalidates earlier signatures.
      content_sm3 char(64) not null,
      created_by uuid not null,
      creator_kind text not null,
      created_at timestamptz not null default now(),
      submitted_at timestamptz,
      accepted_at timestamptz,
      registered_at timestamptz,
      closed_at timestamptz,
      -- R23: promised and statutory deadlines, recomputed at every transition.
      deadline date,
      statutory_deadline date,
      deadline_provisional boolean not null default false,
      clock_paused boolean not null default false,
      -- 即时办结: how submit routed the case (automatic, or to a reviewer with reasons).
      instant_route jsonb,
      findings jsonb not null default '[]',
      version integer not null default 0,
      updated_at timestamptz not null default now()
    );
    create index cases_office_stage on cases (jurisdiction, stage, deadline);
    create index cases_accepting on cases (accepting_office, stage) where accepting_office is not null;
    create index cases_unit on cases (unit_code);
    create index cases_creator on cases (created_by, created_at);

    create table case_parts (
      case_id text collate "C" not null references cases (id),
      part_no smallint not null check (part_no >= 0),
      type_id text not null,
      -- The part's particulars (mortgage amount, seizure period, consents …): CaseDraft fields.
      details jsonb not null default '{}',
      -- Register entries written for this part when registered (ledger seqs).
      entry_seqs jsonb not null default '[]',
      primary key (case_id, part_no)
    );

    -- A party in a role of one part. The same person (person_key) may act in several parts (the
    -- buyer is 权利人 of the transfer and 抵押人 of the mortgage) and signs the case once.
    create table case_parties (
      id uuid primary key default gen_random_uuid(),
      case_id text collate "C" not null references cases (id),
      part_no smallint not null,
      role text not null,
      -- Keyed SM3 of the ID number or credit code: the same key the register uses for holders.
      person_key char(64) not null,
      name text not null,
      holder_type text not null,
      id_type text not null,
      id_number_enc text not null,
      id_number_masked text not null,
      account_id uuid,
      institution_id uuid,
      acts_for char(64),
      share text,
      heir_order smallint,
      unregistered_acquisition text,
      added_by uuid not null,
      added_at timestamptz not null default now()
    );
    create index case_parties_case on case_parties (case_id, part_no);
    create index case_parties_account on case_parties (account_id) where account_id is not null;
    create index case_parties_institution on case_parties (institution_id) where institution_id is not null;

    -- 确认与电子签名: an SM2 signature over the case's canonical content by the party's account key,
    -- or a signature witnessed by staff at the counter (signed with the staff member's key).
    create table case_signatures (
      id bigserial primary key,
      case_id text collate "C" not null references cases (id),
      person_key char(64) not null,
      method text not null check (method in ('sm2','witnessed')),
      account_id uuid not null,
      content_sm3 char(64) not null,
      public_key text not null,
      signature text not null,
      signed_at timestamptz not null default now()
    );
    create index case_signatures_case on case_signatures (case_id, person_key);

    -- Uploaded files, stored once by their SM3 digest.
    create table case_files (
      sm3 char(64) primary key,
      media_type text not null,
      size integer not null check (size >= 0),
      bytes bytea not null,
      created_at timestamptz not null default now()
    );

    create table case_materials (
      id uuid primary key default gen_random_uuid(),
      case_id text collate "C" not null references cases (id),
      material_id text not null,
      source text not null check (source in ('upload','e-licence','commitment')),
      file_name text,
      file_sm3 char(64) references case_files (sm3),
      -- An e-licence (电子证照) fetched by the integrations module, or a commitment's text digest.
      licence_ref uuid,
      licence_digest text,
      added_by uuid not null,
      added_at timestamptz not null default now(),
      removed_at timestamptz
    );
    create index case_materials_case on case_materials (case_id);

    -- Every transition with actor, time and written reasons; append-only.
    create table case_transitions (
      id bigserial primary key,
      case_id text collate "C" not null references cases (id),
      action text not null,
      from_stage text not null,
      to_stage text not null,
      actor_id uuid,
      actor_role text not null,
      office char(6),
      at timestamptz not null,
      reasons jsonb,
      findings jsonb
    );
    create index case_transitions_case on case_transitions (case_id, id);
    create trigger case_transitions_append_only before update or delete on case_transitions
      for each row execute function refuse_change();
    create trigger case_transitions_no_truncate before truncate on case_transitions
      for each statement execute function refuse_change();

    -- An SM2 key pair per account, made on first need; the private key SM4-sealed (PII cipher).
    create table account_keys (
      account_id uuid primary key,
      public_key text not null,
      private_key_enc text not null,
      created_at timestamptz not null default now()
    );

    -- Time-driven effects (R8, R9, R11, R12, R18): one row per restriction with a date on which
    -- time may change it. The sweep takes the due ones (skip locked), re-reads the unit under lock
    -- and records what time did as register entries; a crash leaves them pending for the next run.
    create table scheduled_effects (
      id bigserial primary key,
      jurisdiction char(6) not null,
      unit_code char(28) collate "C" not null,
      kind text not null,
      ref text not null,
      due_on date not null,
      status text not null default 'pending' check (status in ('pending','done','obsolete')),
      attempts integer not null default 0,
      last_error text,
      done_at timestamptz,
      result jsonb,
      unique (unit_code, kind, ref, due_on)
    );
    create index scheduled_effects_due on scheduled_effects (due_on, id) where status = 'pending';

    -- The sweep's durable watermark: the last day fully swept, and when.
    create table scheduler_runs (
      name text primary key,
      swept_through date,
      last_run_at timestamptz,
      last_result jsonb
    );
  `.execute(db);
}
