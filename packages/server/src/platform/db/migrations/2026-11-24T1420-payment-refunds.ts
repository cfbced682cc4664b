import { type Kysely, sql } from "kysely";

// 退费: a case that was paid for and ends without registration (不予登记, 不予受理, 撤回) gets its
// registration fee (non-tax income) back through the same channel, payer by payer, to the fen.
// The deed tax is refunded by the tax department (退税), not here: the refund records it.
// Forward-only. Plain SQL that runs on PostgreSQL 15 and PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The case ended without registration: a part paid later is refunded too, none is charged anew.
    alter table payment_orders add column closed_reason text
      check (closed_reason in ('refused','not-accepted','withdrawn'));
    alter table payment_orders add column closed_at timestamptz;

    create sequence payment_refund_receipt_seq;
    create table payment_refunds (
      id uuid primary key default gen_random_uuid(),
      refund_no text not null unique,
      order_no text not null references payment_orders(order_no),
      -- One refund per paid part: the fee is never paid back twice.
      part_no text not null unique references payment_parts(part_no),
      payer text not null,
      -- The original channel transaction the money goes back through.
      txn_id text not null,
      amount_fen bigint not null check (amount_fen > 0),
      -- The part's deed tax, left to the tax department (退税由税务部门办理).
      tax_fen bigint not null default 0 check (tax_fen >= 0),
      reason text not null check (reason in ('refused','not-accepted','withdrawn')),
      status text not null check (status in ('requested','succeeded','failed')),
      gateway_refund_id text unique,
      failure text,
      receipt_no text unique,
      receipt jsonb,
      requested_at timestamptz not null,
      refunded_at timestamptz,
      refunded_on date,
      updated_at timestamptz not null default now()
    );
    create index payment_refunds_order on payment_refunds (order_no);
    create index payment_refunds_day on payment_refunds (refunded_on) where status = 'succeeded';
  `.execute(db);
}
