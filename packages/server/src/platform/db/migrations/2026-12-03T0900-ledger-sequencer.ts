import { type Kysely, sql } from "kysely";

// The ledger as a sequenced log (docs/register.md, "Sequencing"): registering transactions take
// entry ids from a sequence and queue their leaves; the sequencer assigns the gapless log index,
// chains the hashes and grows the Merkle tree in batches. Existing entries keep their hashes and
// get log index = seq (they were gapless and chained in seq order), so every existing proof, head
// and hash stays valid. Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Entry ids: allocated after the units are locked, so for any one unit id order is commit
    -- order. Gaps (rolled-back registrations) are allowed; the log index is the gapless one.
    create sequence register_entry_seq as bigint minvalue 1;
    select setval('register_entry_seq', coalesce((select max(seq) from register_entries), 0) + 1, false);

    -- The log: position (from 1) of every integrated entry, with its chained hash.
    --   hash = SM3(prev_hash ‖ canonicalJson(entry content)); Merkle leaf index = log_index − 1.
    create table ledger_leaves (
      log_index bigint primary key check (log_index > 0),
      seq bigint not null unique,
      prev_hash char(64) not null,
      hash char(64) not null
    );
    insert into ledger_leaves (log_index, seq, prev_hash, hash)
      select seq, seq, prev_hash, hash from register_entries;
    alter table register_entries drop column prev_hash, drop column hash;

    -- Committed entries waiting for the sequencer (deleted once integrated).
    create table ledger_queue (seq bigint primary key);

    -- Signed promises of inclusion handed out by appends: yulin verify checks each was honoured.
    create table ledger_receipts (
      first_seq bigint primary key,
      entries jsonb not null,
      issued_at timestamptz not null,
      max_merge_delay_ms integer not null check (max_merge_delay_ms > 0),
      public_key text not null,
      signature text not null
    );

    create trigger ledger_leaves_append_only before update or delete on ledger_leaves
      for each row execute function refuse_change();
    create trigger ledger_leaves_no_truncate before truncate on ledger_leaves
      for each statement execute function refuse_change();
    create trigger ledger_receipts_append_only before update or delete on ledger_receipts
      for each row execute function refuse_change();
    create trigger ledger_receipts_no_truncate before truncate on ledger_receipts
      for each statement execute function refuse_change();
  `.execute(db);
}
