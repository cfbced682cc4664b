import { type Kysely, sql } from "kysely";

// Issue 17, security findings. Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
// - Login throttling replaces the account lock-out: failures are counted per key (the IP, the
//   username from that IP, the username everywhere) and slow the next attempt down; nothing locks
//   the account's owner out (docs/security.md).
// - API tokens get scopes, an expiry and rotation (the token a rotation replaced).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_throttles (
      key text primary key,
      failures integer not null check (failures > 0),
      last_failed_at timestamptz not null
    );
    create index login_throttles_age on login_throttles (last_failed_at);

    alter table accounts drop column failed_logins;
    alter table accounts drop column locked_until;

    alter table api_tokens add column scopes text[] not null
      default array['cases:read','cases:write','register:read','integrations'];
    alter table api_tokens alter column scopes drop default;
    alter table api_tokens add column expires_at timestamptz;
    update api_tokens set expires_at = created_at + interval '90 days';
    alter table api_tokens alter column expires_at set not null;
    alter table api_tokens add column replaced_by uuid references api_tokens(id);
  `.execute(db);
}
