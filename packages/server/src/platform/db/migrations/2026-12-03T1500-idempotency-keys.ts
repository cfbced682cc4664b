import { type Kysely, sql } from "kysely";

// Idempotency-Key (issue 20): the first answer to an institution's POST, kept 24 hours per
// account and key, so a retry gets it again instead of redoing the work. Forward-only. Plain SQL
// that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table idempotency_keys (
      account_id text not null,
      key text not null,
      fingerprint text not null,
      state text not null check (state in ('pending', 'done')),
      status integer,
      content_type text,
      body text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      primary key (account_id, key)
    );
    create index idempotency_keys_expiry on idempotency_keys (expires_at);
  `.execute(db);
}
