import { sql } from "kysely";
import type { Database, Tx } from "../../platform/db/database";
import type { RefundReason } from "../../platform/db/schema";

type Db = Database | Tx;

/** Marks the order's case as ended without registration (once: the first reason stays). */
export async function closeOrder(tx: Tx, orderId: string, reason: RefundReason, at: Date): Promise<void> {
  await tx
    .updateTable("payment_orders")
    .set({ closed_reason: reason, closed_at: at })
    .where("id", "=", orderId)
    .where("closed_reason", "is", null)
    .execute();
}

/** A paid part with what its money went to: the fee (non-tax) and the tax (treasury). */
export async function listPaidPartsWithSplit(db: Db, orderId: string) {
  return db
    .selectFrom("payment_parts")
    .innerJoin("payment_allocations", "payment_allocations.part_id", "payment_parts.id")
    .select([
      "payment_parts.id",
      "payment_parts.part_no",
      "payment_parts.payer",
      "payment_parts.gateway_txn_id",
      sql<string>`sum(case when payment_allocations.account = 'non-tax' then payment_allocations.amount_fen else 0 end)`.as(
        "fee_fen",
      ),
      sql<string>`sum(case when payment_allocations.account = 'treasury' then payment_allocations.amount_fen else 0 end)`.as(
        "tax_fen",
      ),
    ])
    .where("payment_parts.order_id", "=", orderId)
    .where("payment_parts.status", "=", "paid")
    .groupBy([
      "payment_parts.id",
      "payment_parts.part_no",
      "payment_parts.payer",
      "payment_parts.gateway_txn_id",
    ])
    .orderBy("payment_parts.seq")
    .execute();
}

/** One refund per part: a second request for the same part inserts nothing (returns undefined). */
export async function insertRefund(
  tx: Tx,
  v: {
    refundNo: string;
    orderNo: string;
    partNo: string;
    payer: string;
    txnId: string;
    amountFen: number;
    taxFen: number;
    reason: RefundReason;
    now: Date;
  },
): Promise<string | undefined> {
  const r = await tx
    .insertInto("payment_refunds")
    .values({
      refund_no: v.refundNo,
      order_no: v.orderNo,
      part_no: v.partNo,
      payer: v.payer,
      txn_id: v.txnId,
      amount_fen: v.amountFen,
      tax_fen: v.taxFen,
      reason: v.reason,
      status: "requested",
      requested_at: v.now,
      updated_at: v.now,
    })
    .onConflict((oc) => oc.column("part_no").doNothing())
    .returning("id")
    .executeTakeFirst();
  return r?.id;
}

export async function findRefund(db: Db, refundNo: string, options: { lock?: boolean } = {}) {
  let q = db.selectFrom("payment_refunds").selectAll().where("refund_no", "=", refundNo);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listRefundsOfOrder(db: Db, orderNo: string) {
  return db
    .selectFrom("payment_refunds")
    .selectAll()
    .where("order_no", "=", orderNo)
    .orderBy("part_no")
    .execute();
}

/** The refund receipt with the pay token of its part (the payer's credential). */
export async function findRefundByReceipt(db: Db, receiptNo: string) {
  return db
    .selectFrom("payment_refunds")
    .innerJoin("payment_parts", "payment_parts.part_no", "payment_refunds.part_no")
    .select(["payment_refunds.receipt", "payment_parts.pay_token"])
    .where("payment_refunds.receipt_no", "=", receiptNo)
    .executeTakeFirst();
}

export async function nextRefundReceiptSeq(tx: Tx): Promise<number> {
  const r = await sql<{ n: number }>`select nextval('payment_refund_receipt_seq') as n`.execute(tx);
  return Number(r.rows[0]!.n);
}

export async function markRefundSucceeded(
  tx: Tx,
  v: {
    refundNo: string;
    gatewayRefundId: string;
    refundedAt: Date;
    refundedOn: string;
    receiptNo: string;
    receipt: unknown;
    now: Date;
  },
): Promise<void> {
  await tx
    .updateTable("payment_refunds")
    .set({
      status: "succeeded",
      gateway_refund_id: v.gatewayRefundId,
      refunded_at: v.refundedAt,
      refunded_on: v.refundedOn,
      receipt_no: v.receiptNo,
      receipt: JSON.stringify(v.receipt),
      updated_at: v.now,
    })
    .where("refund_no", "=", v.refundNo)
    .execute();
}

export async function markRefundFailed(
  tx: Tx,
  v: { refundNo: string; gatewayRefundId: string; failure: string; now: Date },
): Promise<void> {
  await tx
    .updateTable("payment_refunds")
    .set({
      status: "failed",
      gateway_refund_id: v.gatewayRefundId,
      failure: v.failure,
      updated_at: v.now,
    })
    .where("refund_no", "=", v.refundNo)
    .execute();
}

/** Our side of a day's refunds: those the channel completed that day (UTC+8). */
export async function findDayRefunds(db: Db, date: string) {
  return db
    .selectFrom("payment_refunds")
    .select(["refund_no", "gateway_refund_id", "amount_fen"])
    .where("status", "=", "succeeded")
    .where("refunded_on", "=", date)
    .execute();
}
