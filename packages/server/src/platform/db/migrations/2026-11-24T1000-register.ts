import { type Kysely, sql } from "kysely";

// The register (登记簿): an append-only, hash-chained ledger and the projections it maintains.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite (PostgreSQL 18): no PostGIS, no
// pg_trgm (PGlite does not ship it). Geometry is GeoJSON in jsonb plus a native `box` under GiST;
// address search uses character bigrams in a text[] under GIN (see domain register/address.ts).
// Codes are `collate "C"` so a book's rows are one range of the primary key (a parcel code is the
// prefix of its units' codes). Every large table carries the jurisdiction in its key (Citus).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cadastral_zones (
      jurisdiction char(6) not null,
      zone char(3) not null,
      subzone char(3) not null,
      name text,
      created_at timestamptz not null default now(),
      primary key (jurisdiction, zone, subzone)
    );

    -- Next free number per scope (parcel sequence per zone + feature code, building number per
    -- parcel, 户号 per building). Numbers only go up: retired codes are never reused.
    create table code_sequences (
      jurisdiction char(6) not null,
      scope text collate "C" not null,
      next_value integer not null check (next_value > 0),
      primary key (jurisdiction, scope)
    );

    -- The ledger head: one row, locked FOR UPDATE by every append, so appends are serialised.
    create table ledger_head (
      id smallint primary key check (id = 1),
      size bigint not null default 0,
      last_hash char(64),
      frontier jsonb not null default '[]'
    );
    insert into ledger_head (id) values (1);

    create table register_entries (
      seq bigint primary key check (seq > 0),
      jurisdiction char(6) not null,
      kind text not null,
      parcel_code char(19) collate "C" not null,
      unit_code char(28) collate "C",
      recorded_at timestamptz not null,
      body jsonb not null,
      prev_hash char(64) not null,
      hash char(64) not null
    );
    create index register_entries_book on register_entries (parcel_code, seq);

    -- Perfect subtrees of the Merkle tree over the entries, from 256 leaves up: proofs need
    -- O(log n) of them instead of every leaf.
    create table merkle_nodes (
      level smallint not null,
      idx bigint not null,
      hash char(64) not null,
      primary key (level, idx)
    );

    create table seal_keys (
      public_key text primary key,
      created_at timestamptz not null default now()
    );

    create table ledger_tree_heads (
      tree_size bigint primary key,
      root_hash char(64) not null,
      signed_at timestamptz not null,
      public_key text not null references seal_keys (public_key),
      signature text not null
    );

    -- The ledger, its Merkle nodes and signed heads are append-only for every role.
    create trigger register_entries_append_only before update or delete on register_entries
      for each row execute function refuse_change();
    create trigger register_entries_no_truncate before truncate on register_entries
      for each statement execute function refuse_change();
    create trigger merkle_nodes_append_only before update or delete on merkle_nodes
      for each row execute function refuse_change();
    create trigger merkle_nodes_no_truncate before truncate on merkle_nodes
      for each statement execute function refuse_change();
    create trigger ledger_tree_heads_append_only before update or delete on ledger_tree_heads
      for each row execute function refuse_change();
    create trigger ledger_tree_heads_no_truncate before truncate on ledger_tree_heads
      for each statement execute function refuse_change();

    -- Projections: written only by the append function, in the transaction that appends.
    create table parcels (
      jurisdiction char(6) not null,
      parcel_code char(19) collate "C" not null,
      zone char(3) not null,
      subzone char(3) not null,
      feature char(2) not null,
      is_sea boolean not null,
      area numeric not null check (area > 0),
      land_use text,
      land_use_standard text,
      land_grade text,
      address text not null,
      address_grams text[] not null,
      vertical_kind text not null check (vertical_kind in ('surface','above','below','between')),
      z_min double precision,
      z_max double precision,
      geometry jsonb,
      bbox box,
      status text not null check (status in ('current','historic')),
      created_seq bigint not null,
      updated_seq bigint not null,
      primary key (jurisdiction, parcel_code)
    );
    create index parcels_bbox on parcels using gist (bbox);
    create index parcels_address on parcels using gin (address_grams);

    create table buildings (
      jurisdiction char(6) not null,
      parcel_code char(19) collate "C" not null,
      building_no char(4) collate "C" not null,
      name text,
      address text not null,
      floors_above integer not null,
      floors_below integer not null,
      structure text,
      completed_year integer,
      area numeric,
      geometry jsonb,
      bbox box,
      status text not null check (status in ('current','historic')),
      created_seq bigint not null,
      updated_seq bigint not null,
      primary key (jurisdiction, parcel_code, building_no)
    );
    create index buildings_bbox on buildings using gist (bbox);

    create table units (
      jurisdiction char(6) not null,
      unit_code char(28) collate "C" not null,
      parcel_code char(19) collate "C" not null,
      fixture char(1) not null check (fixture in ('F','L','Q','W')),
      building_no char(4),
      room_no char(4),
      floor integer,
      room_label text,
      building_area numeric,
      inner_area numeric,
      shared_area numeric,
      use text,
      structure text,
      address text not null,
      address_grams text[] not null,
      status text not null check (status in ('current','historic')),
      created_seq bigint not null,
      updated_seq bigint not null,
      primary key (jurisdiction, unit_code)
    );
    create index units_address on units using gin (address_grams);

    create table rights (
      jurisdiction char(6) not null,
      unit_code char(28) collate "C" not null,
      seq bigint not null,
      right_type text not null,
      nature text,
      use text,
      area numeric,
      term_start date,
      term_end date,
      source text not null,
      certificate_no text,
      co_ownership char(1) not null check (co_ownership in ('0','1','2','3')),
      registered_at timestamptz not null,
      status text not null check (status in ('current','historic')),
      ended_seq bigint,
      end_reason text,
      primary key (jurisdiction, unit_code, seq)
    );

    create table right_holders (
      jurisdiction char(6) not null,
      unit_code char(28) collate "C" not null,
      right_seq bigint not null,
      ordinal smallint not null,
      name text not null,
      holder_type text not null,
      id_type text not null,
      -- SM4-sealed ID number and its keyed SM3 lookup hash (never the number in the clear).
      id_number_enc text,
      id_number_hash char(64),
      id_number_masked text,
      share text,
      primary key (jurisdiction, unit_code, right_seq, ordinal)
    );
    create index right_holders_id_hash on right_holders (id_number_hash) where id_number_hash is not null;

    create table encumbrances (
      jurisdiction char(6) not null,
      unit_code char(28) collate "C" not null,
      seq bigint not null,
      kind text not null
        check (kind in ('mortgage','advance-notice','seizure','objection','habitation','easement')),
      status text not null check (status in ('effective','waiting','historic')),
      rank integer,
      holder_name text not null,
      holder_type text not null,
      holder_id_type text not null,
      holder_id_enc text,
      holder_id_hash char(64),
      holder_id_masked text,
      obligor_name text,
      document_no text,
      starts_on date,
      ends_on date,
      amount numeric,
      related_unit_code char(28) collate "C",
      particulars jsonb not null default '{}',
      registered_at timestamptz not null,
      updated_seq bigint not null,
      ended_seq bigint,
      end_reason text,
      primary key (jurisdiction, unit_code, seq)
    );
    create index encumbrances_related on encumbrances (related_unit_code) where related_unit_code is not null;

    -- 数据整合: one import run per set of files (identified by their digests), resumable.
    create table register_imports (
      id char(64) primary key,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      files jsonb not null
    );
    create table register_import_progress (
      import_id char(64) not null references register_imports (id),
      file text not null,
      rows_done bigint not null default 0,
      loaded bigint not null default 0,
      rejected bigint not null default 0,
      primary key (import_id, file)
    );
    -- holders.csv rows wait here (sealed) until rights.csv names their right; emptied when done.
    create table register_import_holders (
      import_id char(64) not null references register_imports (id),
      right_ref text not null,
      row_number bigint not null,
      holder jsonb not null,
      primary key (import_id, right_ref, row_number)
    );
    -- Reasons only: a rejected row's values (which may hold ID numbers) are not kept.
    create table register_import_rejections (
      import_id char(64) not null references register_imports (id),
      file text not null,
      row_number bigint not null,
      record_key text,
      codes text not null,
      reason_zh text not null,
      reason_en text not null,
      primary key (import_id, file, row_number)
    );
  `.execute(db);
}
