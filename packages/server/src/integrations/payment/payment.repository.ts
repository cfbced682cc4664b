import { sql } from "kysely";
import type { Database, Tx } from "../../platform/db/database";

type Db = Database | Tx;

type Line = {
  code: string;
  label_zh: string;
  label_en: string;
  amount: number;
  account: "treasury" | "non-tax";
};

export async function insertOrder(
  tx: Tx,
  v: { orderNo: string; caseRef: string; jurisdiction: string; lines: Line[]; totalFen: number; now: Date },
): Promise<string | undefined> {
  const r = await tx
    .insertInto("payment_orders")
    .values({
      order_no: v.orderNo,
      case_ref: v.caseRef,
      jurisdiction: v.jurisdiction,
      lines: JSON.stringify(v.lines),
      total_fen: v.totalFen,
      status: "open",
      created_at: v.now,
    })
    .onConflict((oc) => oc.column("case_ref").where("status", "<>", "cancelled").doNothing())
    .returning("id")
    .executeTakeFirst();
  return r?.id;
}

export async function insertPart(
  tx: Tx,
  v: { orderId: string; partNo: string; seq: number; payer: string; amountFen: number; payToken: string },
): Promise<void> {
  await tx
    .insertInto("payment_parts")
    .values({
      order_id: v.orderId,
      part_no: v.partNo,
      seq: v.seq,
      payer: v.payer,
      amount_fen: v.amountFen,
      status: "pending",
      pay_token: v.payToken,
    })
    .execute();
}

export async function findOrderByNo(db: Db, orderNo: string) {
  return db.selectFrom("payment_orders").selectAll().where("order_no", "=", orderNo).executeTakeFirst();
}

export async function findOrderByCase(db: Db, caseRef: string) {
  return db
    .selectFrom("payment_orders")
    .selectAll()
    .where("case_ref", "=", caseRef)
    .where("status", "<>", "cancelled")
    .executeTakeFirst();
}

export async function findOrderById(db: Db, id: string, options: { lock?: boolean } = {}) {
  let q = db.selectFrom("payment_orders").selectAll().where("id", "=", id);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listParts(db: Db, orderId: string) {
  return db.selectFrom("payment_parts").selectAll().where("order_id", "=", orderId).orderBy("seq").execute();
}

export async function findPart(db: Db, partNo: string, options: { lock?: boolean } = {}) {
  let q = db.selectFrom("payment_parts").selectAll().where("part_no", "=", partNo);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findPartByReceipt(db: Db, receiptNo: string) {
  return db.selectFrom("payment_parts").selectAll().where("receipt_no", "=", receiptNo).executeTakeFirst();
}

export async function setPayUrl(db: Db, partId: string, payUrl: string): Promise<void> {
  await db.updateTable("payment_parts").set({ pay_url: payUrl }).where("id", "=", partId).execute();
}

export async function nextReceiptSeq(tx: Tx): Promise<number> {
  const r = await sql<{ n: number }>`select nextval('payment_receipt_seq') as n`.execute(tx);
  return Number(r.rows[0]!.n);
}

export async function markPartPaid(
  tx: Tx,
  v: {
    partId: string;
    txnId: string;
    paidAt: Date;
    paidOn: string;
    receiptNo: string;
    receipt: unknown;
  },
): Promise<void> {
  await tx
    .updateTable("payment_parts")
    .set({
      status: "paid",
      gateway_txn_id: v.txnId,
      paid_at: v.paidAt,
      paid_on: v.paidOn,
      receipt_no: v.receiptNo,
      receipt: JSON.stringify(v.receipt),
    })
    .where("id", "=", v.partId)
    .execute();
}

export async function insertAllocations(
  tx: Tx,
  rows: Array<{
    partId: string;
    lineCode: string;
    account: "treasury" | "non-tax";
    accountNo: string;
    amountFen: number;
    paidOn: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto("payment_allocations")
    .values(
      rows.map((r) => ({
        part_id: r.partId,
        line_code: r.lineCode,
        account: r.account,
        account_no: r.accountNo,
        amount_fen: r.amountFen,
        paid_on: r.paidOn,
      })),
    )
    .execute();
}

export async function markOrderPaid(tx: Tx, orderId: string, paidAt: Date): Promise<void> {
  await tx
    .updateTable("payment_orders")
    .set({ status: "paid", paid_at: paidAt })
    .where("id", "=", orderId)
    .execute();
}

export async function listAllocationsOfPart(db: Db, partId: string) {
  return db
    .selectFrom("payment_allocations")
    .selectAll()
    .where("part_id", "=", partId)
    .orderBy("id")
    .execute();
}

/** Our side of a day: paid parts and their split, by the day (UTC+8) they were paid. */
export async function findDay(db: Db, date: string) {
  const parts = await db
    .selectFrom("payment_parts")
    .select(["id", "part_no", "gateway_txn_id", "amount_fen"])
    .where("status", "=", "paid")
    .where("paid_on", "=", date)
    .execute();
  const splits = await db
    .selectFrom("payment_allocations")
    .innerJoin("payment_parts", "payment_parts.id", "payment_allocations.part_id")
    .select([
      "payment_parts.gateway_txn_id as txnId",
      "payment_allocations.account",
      "payment_allocations.amount_fen",
    ])
    .where("payment_parts.paid_on", "=", date)
    .execute();
  return { parts, splits };
}

export async function saveReport(db: Db, date: string, balanced: boolean, report: unknown, now: Date) {
  await db
    .insertInto("reconciliation_reports")
    .values({ date, balanced, report: JSON.stringify(report), created_at: now })
    .onConflict((oc) =>
      oc.column("date").doUpdateSet({ balanced, report: JSON.stringify(report), created_at: now }),
    )
    .execute();
}

/** R22: the case's payment order is paid (fees before certificates). */
export async function isFeePaid(db: Db, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom("payment_orders")
    .select("status")
    .where("case_ref", "=", caseId)
    .where("status", "=", "paid")
    .executeTakeFirst();
  return row !== undefined;
}
