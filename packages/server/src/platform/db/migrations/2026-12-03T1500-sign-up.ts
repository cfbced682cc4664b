import { type Kysely, sql } from "kysely";

// Issue 16, self sign-up. Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
// - sms_challenges: one-time codes sent by SMS for a sign-up or a password reset. Only the code's
//   keyed hash is kept; a pending sign-up's name, ID number and phone are sealed (SM4) until used.
// - accounts.verified_by: how a self-registered account proved who it is ('real-name' or
//   'real-name+face'); null for accounts made by an operator (CLI, administrator, demo).
// - accounts.acts_for: a company's agent (经办人) acts for that company account.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sms_challenges (
      id uuid primary key default gen_random_uuid(),
      purpose text not null check (purpose in ('sign-up', 'password-reset')),
      phone_hash text not null,
      code_hash text not null,
      attempts integer not null default 0 check (attempts >= 0),
      pending_sealed text,
      account_id uuid references accounts(id),
      expires_at timestamptz not null,
      consumed_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index sms_challenges_phone on sms_challenges (phone_hash, created_at);

    alter table accounts add column verified_by text
      check (verified_by in ('real-name', 'real-name+face'));
    alter table accounts add column acts_for uuid references accounts(id);
    create index accounts_acts_for on accounts (acts_for) where acts_for is not null;
  `.execute(db);
}
