import { z } from "zod";
import { systemContext, writeAudit } from "../../platform/audit/audit";
import type { Database, Tx } from "../../platform/db/database";
import type { RefundReason } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import type { Outbox } from "../../platform/outbox/outbox";
import { type TopicSchemas, topicHandler } from "../../platform/outbox/outbox.types";
import { canonicalJson, sm3Hex } from "../shared/sm2";
import type { TaxService } from "../tax/tax.service";
import { chinaDate, type GatewayRefund, type PaymentGateway } from "./payment.gateway";
import {
  findOrderByCase,
  findOrderById,
  findOrderByNo,
  findPart,
  listAllocationsOfPart,
} from "./payment.repository";
import {
  closeOrder,
  findRefund,
  insertRefund,
  listPaidPartsWithSplit,
  listRefundsOfOrder,
  markRefundFailed,
  markRefundSucceeded,
  nextRefundReceiptSeq,
} from "./refund.repository";

export const PAYMENT_CONNECTOR = "payment";

const REASON_ZH: Record<RefundReason, string> = {
  refused: "不予登记",
  "not-accepted": "不予受理",
  withdrawn: "撤回申请",
};

const ZRefundMessage = z.object({
  refundNo: z.string(),
  partNo: z.string(),
  txnId: z.string(),
  amountFen: z.number().int().positive(),
  reason: z.string(),
});

/** The refund job towards the payment channel. */
export const PAYMENT_TOPICS = { "payment.refund": ZRefundMessage } as const satisfies TopicSchemas;

type Order = NonNullable<Awaited<ReturnType<typeof findOrderById>>>;

/**
 * 退费: a case that ends without registration (不予登记, 不予受理, 撤回) gets back the registration
 * fee (非税收入) its payers paid, each what their part paid of the fee by the order's split (清分),
 * through the channel to the original transaction. The deed tax is the tax department's to refund
 * (退税): each refund records the part's tax, and the bureau is told through the outbox.
 * Refunds are requested in the transaction that ends the case and delivered at least once.
 */
export function createRefundService(deps: {
  db: Database;
  outbox: Outbox<typeof PAYMENT_TOPICS>;
  tax: Pick<TaxService, "notifyTaxClosedUnregistered">;
  treasuryAccount: string;
  now: () => Date;
}) {
  /**
   * The port the cases module calls when a case reaches 不予登记, 不予受理 or 撤回, inside that
   * transaction. Safe to call again: the order is closed once and each part refunded once.
   */
  async function refundUnregisteredCase(
    tx: Tx,
    input: { caseRef: string; reason: RefundReason; closedAt: Date },
  ): Promise<{ orderNo: string; requested: number } | null> {
    const found = await findOrderByCase(tx, input.caseRef);
    if (!found) return null;
    const order = await findOrderById(tx, found.id, { lock: true });
    if (!order) return null;
    await closeOrder(tx, order.id, input.reason, input.closedAt);
    const requested = await refundPaidParts(tx, {
      ...order,
      closed_reason: order.closed_reason ?? input.reason,
      closed_at: order.closed_at ?? input.closedAt,
    });
    return { orderNo: order.order_no, requested };
  }

  /**
   * Requests the refund of every paid part of a closed order not refunded yet (a part paid after
   * the case closed is refunded too); tells the tax department of the deed tax paid.
   */
  async function refundPaidParts(tx: Tx, order: Order): Promise<number> {
    const reason = order.closed_reason;
    if (!reason) return 0;
    const now = deps.now();
    const parts = await listPaidPartsWithSplit(tx, order.id);
    let requested = 0;
    for (const p of parts) {
      const feeFen = Number(p.fee_fen);
      if (feeFen === 0 || !p.gateway_txn_id) continue;
      const refundNo = `RF${p.part_no}`;
      const created = await insertRefund(tx, {
        refundNo,
        orderNo: order.order_no,
        partNo: p.part_no,
        payer: p.payer,
        txnId: p.gateway_txn_id,
        amountFen: feeFen,
        taxFen: Number(p.tax_fen),
        reason,
        now,
      });
      if (!created) continue;
      requested++;
      const payload = {
        refundNo,
        partNo: p.part_no,
        txnId: p.gateway_txn_id,
        amountFen: feeFen,
        reason: `不动产登记费退费（${REASON_ZH[reason]}） ${order.case_ref}`,
      };
      await deps.outbox.enqueue(tx, "payment.refund", payload, {
        connector: PAYMENT_CONNECTOR,
        idempotencyKey: `payment.refund:${refundNo}`,
        summary: { caseRef: order.case_ref, refundNo, amountFen: feeFen, reason },
        jurisdiction: order.jurisdiction,
      });
    }
    const taxed = parts.filter((p) => Number(p.tax_fen) > 0);
    if (taxed.length > 0) {
      await deps.tax.notifyTaxClosedUnregistered(tx, {
        caseRef: order.case_ref,
        reason,
        closedAt: order.closed_at ?? now,
        orderNo: order.order_no,
        taxPaidFen: taxed.reduce((s, p) => s + Number(p.tax_fen), 0),
        treasuryAccount: deps.treasuryAccount,
        transactions: taxed.map((p) => ({
          txnId: p.gateway_txn_id ?? p.part_no,
          payer: p.payer,
          taxFen: Number(p.tax_fen),
        })),
      });
    }
    if (requested > 0) {
      await writeAudit(tx, systemContext("payment-refund"), {
        action: "payment.refund-request",
        outcome: "success",
        targetType: "payment-order",
        targetId: order.order_no,
        jurisdiction: order.jurisdiction,
        details: { caseRef: order.case_ref, reason, refunds: requested },
      });
    }
    return requested;
  }

  /** The channel's answer, applied once: the electronic refund receipt, or the failure. */
  async function recordRefundResult(tx: Tx, answer: GatewayRefund, source: string): Promise<void> {
    const refund = await findRefund(tx, answer.refundNo, { lock: true });
    if (refund?.status !== "requested") return;
    const now = deps.now();
    const ctx = systemContext(`payment-refund:${source}`);
    if (answer.status === "failed") {
      await markRefundFailed(tx, {
        refundNo: refund.refund_no,
        gatewayRefundId: answer.refundId,
        failure: answer.failure ?? "refused by the channel",
        now,
      });
      await writeAudit(tx, ctx, {
        action: "payment.refund",
        outcome: "failed",
        targetType: "payment-refund",
        targetId: refund.refund_no,
        details: { failure: answer.failure ?? null },
      });
      return;
    }
    if (answer.amountFen !== refund.amount_fen || answer.txnId !== refund.txn_id) {
      throw new AppError("PAYMENT.AMOUNT_MISMATCH", {
        refundNo: refund.refund_no,
        due: refund.amount_fen,
        refunded: answer.amountFen,
      });
    }
    const refundedAt = new Date(answer.refundedAt);
    const refundedOn = chinaDate(refundedAt);
    const order = await findOrderByNo(tx, refund.order_no);
    const part = await findPart(tx, refund.part_no);
    if (!order || !part) throw new Error(`refund ${refund.refund_no}: its order or part is missing`);
    const fees = (await listAllocationsOfPart(tx, part.id)).filter((a) => a.account === "non-tax");
    const receiptNo = `YT${refundedOn.replaceAll("-", "")}${String(await nextRefundReceiptSeq(tx)).padStart(8, "0")}`;
    const body = {
      receiptNo,
      title: "不动产登记费电子退费凭证",
      refundNo: refund.refund_no,
      orderNo: refund.order_no,
      caseRef: order.case_ref,
      partNo: refund.part_no,
      payer: refund.payer,
      reason: refund.reason,
      reason_zh: REASON_ZH[refund.reason],
      amountFen: refund.amount_fen,
      items: fees.map((a) => {
        const line = order.lines.find((l) => l.code === a.line_code);
        return {
          code: a.line_code,
          label_zh: line?.label_zh ?? a.line_code,
          label_en: line?.label_en ?? a.line_code,
          account: a.account,
          accountNo: a.account_no,
          amountFen: a.amount_fen,
        };
      }),
      // The deed tax of this part is not refunded here: the tax department refunds it (退税).
      tax: { amountFen: refund.tax_fen, refundedBy: "tax-department" },
      originalReceiptNo: part.receipt_no,
      txnId: refund.txn_id,
      refundId: answer.refundId,
      refundedAt: refundedAt.toISOString(),
    };
    const receipt = { ...body, digest: sm3Hex(canonicalJson(body)) };
    await markRefundSucceeded(tx, {
      refundNo: refund.refund_no,
      gatewayRefundId: answer.refundId,
      refundedAt,
      refundedOn,
      receiptNo,
      receipt,
      now,
    });
    await writeAudit(tx, ctx, {
      action: "payment.refund",
      outcome: "success",
      targetType: "payment-refund",
      targetId: refund.refund_no,
      details: { amountFen: refund.amount_fen, refundId: answer.refundId, receiptNo },
    });
  }

  /** The order's refunds as staff see them, and the deed tax left to the tax department. */
  async function presentRefunds(orderNo: string) {
    const refunds = await listRefundsOfOrder(deps.db, orderNo);
    return refunds.map((r) => ({
      refundNo: r.refund_no,
      partNo: r.part_no,
      payer: r.payer,
      amountFen: r.amount_fen,
      reason: r.reason,
      status: r.status,
      gatewayRefundId: r.gateway_refund_id,
      failure: r.failure,
      receiptNo: r.receipt_no,
      taxFen: r.tax_fen,
      taxRefundedBy: r.tax_fen > 0 ? ("tax-department" as const) : null,
      requestedAt: r.requested_at.toISOString(),
      refundedAt: r.refunded_at?.toISOString() ?? null,
    }));
  }

  return { refundUnregisteredCase, refundPaidParts, recordRefundResult, presentRefunds };
}

export type RefundService = ReturnType<typeof createRefundService>;

/** The refund job towards the channel: the same refund number and key on every delivery. */
export function refundTopics(gateway: PaymentGateway, refunds: RefundService) {
  return [
    topicHandler(PAYMENT_TOPICS, "payment.refund", {
      deliver: async (payload, meta) => ({
        status: "delivered",
        response: await gateway.refund(payload, meta.idempotencyKey),
      }),
      onDelivered: (tx, _payload, response) =>
        refunds.recordRefundResult(tx, response as GatewayRefund, gateway.mode),
    }),
  ];
}
