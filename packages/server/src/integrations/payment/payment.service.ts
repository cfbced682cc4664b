import crypto from "node:crypto";
import { can, findCounty } from "@yulin/domain";
import {
  allocateParts,
  calculateRegistrationFee,
  type FeeTables,
  feeTableFor,
  type OrderLine,
  type PayerChoice,
  planPayers,
  type RegistrationFeeInput,
  reconcile,
  sumFen,
} from "@yulin/domain/fees/index";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { canonicalJson, sm3Hex } from "../shared/sm2";
import { findCurrentAssessment, findDeclaration } from "../tax/tax.repository";
import type { TaxService } from "../tax/tax.service";
import type { GatewayNotification } from "./gateway.simulator";
import { chinaDate, type PaymentGateway } from "./payment.gateway";
import {
  findDay,
  findOrderByCase,
  findOrderById,
  findOrderByNo,
  findPart,
  findPartByReceipt,
  insertAllocations,
  insertOrder,
  insertPart,
  listAllocationsOfPart,
  listParts,
  markOrderPaid,
  markPartPaid,
  nextReceiptSeq,
  saveReport,
  setPayUrl,
} from "./payment.repository";
import { findDayRefunds, findRefundByReceipt } from "./refund.repository";
import type { RefundService } from "./refund.service";

export type CreateOrderInput = {
  caseRef: string;
  jurisdiction: string;
  fee: RegistrationFeeInput;
  payers: PayerChoice;
};

/**
 * 税费同缴、合一支付: one order per case with every tax and fee, paid by one party or split
 * between parties; each payment is split (清分) to the treasury or the non-tax account at once,
 * gets an electronic receipt, and the taxes are reported to the tax bureau when the order is paid.
 * A case that ends without registration has its fee refunded (refund.service.ts).
 */
export function createPaymentService(deps: {
  db: Database;
  gateway: PaymentGateway;
  tax: Pick<TaxService, "notifyTaxPaid">;
  refunds: Pick<RefundService, "refundPaidParts" | "presentRefunds">;
  feeTables: FeeTables;
  accounts: { treasury: string; nonTax: string };
  publicUrl: string;
  now: () => Date;
  wake?: () => void;
}) {
  const accountNo = (account: "treasury" | "non-tax") =>
    account === "treasury" ? deps.accounts.treasury : deps.accounts.nonTax;

  function authorize(ctx: RequestContext, jurisdiction: string) {
    if (ctx.actor && !can(ctx.actor, "integrations.request", { jurisdiction }))
      throw new AppError("AUTH.FORBIDDEN");
  }

  /** The fee shown before applying (and charged on the order). */
  function quoteFee(jurisdiction: string, fee: RegistrationFeeInput) {
    const county = findCounty(jurisdiction);
    if (!county) throw new AppError("OFFICE.UNKNOWN");
    const result = calculateRegistrationFee(
      fee,
      feeTableFor(deps.feeTables, county.provinceCode.padEnd(6, "0")),
    );
    if (!result.ok) throw new AppError("FEE.INVALID", { findings: result.error });
    return result.value;
  }

  async function createPaymentOrder(ctx: RequestContext, input: CreateOrderInput) {
    authorize(ctx, input.jurisdiction);
    const fee = quoteFee(input.jurisdiction, input.fee);
    const now = deps.now();
    const order = await inTransaction(deps.db, async (tx) => {
      const lines: OrderLine[] = [];
      if (await findDeclaration(tx, input.caseRef)) {
        const assessment = await findCurrentAssessment(tx, input.caseRef);
        if (!assessment) throw new AppError("TAX.NOT_ASSESSED", { caseRef: input.caseRef });
        for (const l of assessment.lines) if (l.amount > 0) lines.push({ ...l, account: "treasury" });
      }
      for (const l of fee.lines) {
        if (l.amount > 0)
          lines.push({
            code: l.code,
            label_zh: l.label_zh,
            label_en: l.label_en,
            amount: l.amount,
            account: "non-tax",
          });
      }
      const total = sumFen(lines.map((l) => l.amount));
      if (total === 0) throw new AppError("PAYMENT.NOTHING_TO_PAY", { caseRef: input.caseRef });
      const plan = planPayers(total, input.payers);
      if (!plan.ok) throw new AppError("PAYMENT.INVALID", { findings: plan.error });
      const orderNo = `PO${chinaDate(now).replaceAll("-", "")}${crypto.randomBytes(5).toString("hex").toUpperCase()}`;
      const orderId = await insertOrder(tx, {
        orderNo,
        caseRef: input.caseRef,
        jurisdiction: input.jurisdiction,
        lines,
        totalFen: total,
        now,
      });
      if (!orderId) throw new AppError("PAYMENT.ORDER_EXISTS", { caseRef: input.caseRef });
      for (const [i, p] of plan.value.entries()) {
        await insertPart(tx, {
          orderId,
          partNo: `${orderNo}-${i + 1}`,
          seq: i + 1,
          payer: p.payer,
          amountFen: p.amount,
          payToken: crypto.randomBytes(16).toString("base64url"),
        });
      }
      await writeAudit(tx, ctx, {
        action: "payment.create-order",
        outcome: "success",
        targetType: "payment-order",
        targetId: orderNo,
        jurisdiction: input.jurisdiction,
        details: { caseRef: input.caseRef, totalFen: total, payers: plan.value.length },
      });
      return orderNo;
    });
    return presentOrder(order, { withTokens: true });
  }

  async function presentOrder(orderNo: string, options: { withTokens: boolean }) {
    const order = await findOrderByNo(deps.db, orderNo);
    if (!order) throw new AppError("AUTH.FORBIDDEN");
    const parts = await listParts(deps.db, order.id);
    const totals = { treasury: 0, "non-tax": 0 };
    for (const l of order.lines) totals[l.account] += l.amount;
    return {
      orderNo: order.order_no,
      caseRef: order.case_ref,
      jurisdiction: order.jurisdiction,
      status: order.status,
      totalFen: order.total_fen,
      lines: order.lines,
      byAccount: totals,
      createdAt: order.created_at.toISOString(),
      paidAt: order.paid_at?.toISOString() ?? null,
      // 退费: the case ended without registration; the fee goes back, the tax is the bureau's.
      closed: order.closed_reason
        ? { reason: order.closed_reason, at: order.closed_at?.toISOString() ?? null }
        : null,
      refunds: await deps.refunds.presentRefunds(order.order_no),
      parts: parts.map((p) => ({
        partNo: p.part_no,
        payer: p.payer,
        amountFen: p.amount_fen,
        status: p.status,
        paidAt: p.paid_at?.toISOString() ?? null,
        receiptNo: p.receipt_no,
        // The pay link is the payer's credential: only the staff who opened the order hand it out.
        payPage: options.withTokens
          ? `${deps.publicUrl}/api/integrations/payment/parts/${encodeURIComponent(p.part_no)}/pay?t=${p.pay_token}`
          : null,
      })),
    };
  }

  async function getOrder(ctx: RequestContext, orderNo: string) {
    const order = await findOrderByNo(deps.db, orderNo);
    if (!order) throw new AppError("AUTH.FORBIDDEN");
    if (!ctx.actor || !can(ctx.actor, "integrations.request", { jurisdiction: order.jurisdiction })) {
      throw new AppError("AUTH.FORBIDDEN");
    }
    return presentOrder(orderNo, { withTokens: true });
  }

  async function findOrderForCase(caseRef: string) {
    const order = await findOrderByCase(deps.db, caseRef);
    return order ? presentOrder(order.order_no, { withTokens: false }) : null;
  }

  /** The payer's view, by the unguessable token in the pay link; creates the gateway charge once. */
  async function openPart(partNo: string, token: string) {
    const part = await findPart(deps.db, partNo);
    if (!part || !timingSafeEqual(part.pay_token, token)) throw new AppError("REQUEST.NOT_FOUND");
    const order = await findOrderById(deps.db, part.order_id);
    if (!order) throw new AppError("REQUEST.NOT_FOUND");
    // The case ended without registration: nothing more is charged for it.
    if (order.closed_reason && part.status === "pending")
      throw new AppError("PAYMENT.CASE_CLOSED", { orderNo: order.order_no, reason: order.closed_reason });
    let payUrl = part.pay_url;
    if (!payUrl && part.status === "pending") {
      try {
        payUrl = (
          await deps.gateway.createCharge({
            partNo,
            amountFen: part.amount_fen,
            subject: `不动产登记税费 ${order.case_ref}`,
            payToken: part.pay_token,
            notifyUrl: `${deps.publicUrl}/api/integrations/payment/callbacks`,
          })
        ).payUrl;
      } catch (error) {
        throw new AppError("CONNECTOR.UNAVAILABLE", { reason: (error as Error).message.slice(0, 200) });
      }
      await setPayUrl(deps.db, part.id, payUrl);
    }
    return {
      partNo,
      orderNo: order.order_no,
      caseRef: order.case_ref,
      payer: part.payer,
      amountFen: part.amount_fen,
      status: part.status,
      payUrl,
      paidAt: part.paid_at?.toISOString() ?? null,
      receiptNo: part.receipt_no,
      receipt: part.receipt,
    };
  }

  /**
   * The channel says a part was paid (simulator, or the acquiring bank's signed callback).
   * Idempotent: the same transaction again changes nothing.
   */
  async function handleGatewayPayment(ctx: RequestContext, n: GatewayNotification) {
    const result = await inTransaction(deps.db, (tx) => applyGatewayPayment(tx, ctx, n));
    deps.wake?.();
    return result;
  }

  /** The same, inside a caller's transaction (the signed callback records the message with it). */
  async function applyGatewayPayment(tx: Tx, ctx: RequestContext, n: GatewayNotification) {
    const paidAt = new Date(n.paidAt);
    if (Number.isNaN(paidAt.getTime())) throw new AppError("PAYMENT.INVALID", { reason: "paidAt" });
    {
      const part = await findPart(tx, n.partNo, { lock: true });
      if (!part) throw new AppError("REQUEST.NOT_FOUND", { partNo: n.partNo });
      const order = await findOrderById(tx, part.order_id, { lock: true });
      if (!order) throw new AppError("REQUEST.NOT_FOUND");
      if (part.status === "paid") {
        if (part.gateway_txn_id === n.txnId) return { receiptNo: part.receipt_no, duplicate: true };
        throw new AppError("PAYMENT.INVALID", {
          reason: "part already paid by another transaction",
          partNo: n.partNo,
        });
      }
      if (n.amountFen !== part.amount_fen) {
        throw new AppError("PAYMENT.AMOUNT_MISMATCH", {
          partNo: n.partNo,
          due: part.amount_fen,
          paid: n.amountFen,
        });
      }
      const parts = await listParts(tx, order.id);
      const allocations = allocateParts(
        order.lines,
        parts.map((p) => ({ payer: p.payer, amount: p.amount_fen })),
      ).filter((a) => parts[a.part]!.id === part.id);
      const paidOn = chinaDate(paidAt);
      await insertAllocations(
        tx,
        allocations.map((a) => ({
          partId: part.id,
          lineCode: a.lineCode,
          account: a.account,
          accountNo: accountNo(a.account),
          amountFen: a.amount,
          paidOn,
        })),
      );
      const receiptNo = `YL${paidOn.replaceAll("-", "")}${String(await nextReceiptSeq(tx)).padStart(8, "0")}`;
      const body = {
        receiptNo,
        title: "不动产登记税费电子缴款凭证",
        orderNo: order.order_no,
        caseRef: order.case_ref,
        partNo: part.part_no,
        payer: part.payer,
        amountFen: part.amount_fen,
        items: allocations.map((a) => {
          const line = order.lines.find((l) => l.code === a.lineCode)!;
          return {
            code: a.lineCode,
            label_zh: line.label_zh,
            label_en: line.label_en,
            account: a.account,
            accountNo: accountNo(a.account),
            amountFen: a.amount,
          };
        }),
        txnId: n.txnId,
        paidAt: paidAt.toISOString(),
      };
      const receipt = { ...body, digest: sm3Hex(canonicalJson(body)) };
      await markPartPaid(tx, { partId: part.id, txnId: n.txnId, paidAt, paidOn, receiptNo, receipt });
      const allPaid = parts.every((p) => p.id === part.id || p.status === "paid");
      if (allPaid) {
        await markOrderPaid(tx, order.id, paidAt);
        const taxes = sumFen(order.lines.filter((l) => l.account === "treasury").map((l) => l.amount));
        if (taxes > 0) {
          const txns = parts.map((p) =>
            p.id === part.id
              ? { txnId: n.txnId, amountFen: p.amount_fen }
              : { txnId: p.gateway_txn_id!, amountFen: p.amount_fen },
          );
          await deps.tax.notifyTaxPaid(tx, {
            caseRef: order.case_ref,
            orderNo: order.order_no,
            amountFen: taxes,
            paidAt,
            treasuryAccount: deps.accounts.treasury,
            transactions: txns,
          });
        }
      }
      // Paid after the case ended (a charge opened before): the fee goes straight back.
      if (order.closed_reason) await deps.refunds.refundPaidParts(tx, order);
      await writeAudit(tx, ctx, {
        action: "payment.paid",
        outcome: "success",
        targetType: "payment-part",
        targetId: part.part_no,
        jurisdiction: order.jurisdiction,
        details: { txnId: n.txnId, amountFen: n.amountFen, receiptNo, orderPaid: allPaid },
      });
      return { receiptNo, duplicate: false };
    }
  }

  async function getReceipt(receiptNo: string, token: string) {
    const part = await findPartByReceipt(deps.db, receiptNo);
    if (!part || !timingSafeEqual(part.pay_token, token)) throw new AppError("REQUEST.NOT_FOUND");
    return part.receipt as Record<string, unknown>;
  }

  /** The payer's electronic refund receipt (退费凭证), by the token of their pay link. */
  async function getRefundReceipt(receiptNo: string, token: string) {
    const row = await findRefundByReceipt(deps.db, receiptNo);
    if (!row || !timingSafeEqual(row.pay_token, token)) throw new AppError("REQUEST.NOT_FOUND");
    return row.receipt as Record<string, unknown>;
  }

  /**
   * 对账: our paid parts and their split, and our completed refunds, for one day (UTC+8) against
   * the channel's statement. Refunds are taken back from the non-tax account (fees only).
   */
  async function reconcileDay(ctx: RequestContext, date: string) {
    // Administrators over HTTP; the CLI acts as the system.
    if (ctx.actor && !can(ctx.actor, "integrations.operate")) throw new AppError("AUTH.FORBIDDEN");
    let statement: Awaited<ReturnType<PaymentGateway["statement"]>>;
    try {
      statement = await deps.gateway.statement(date);
    } catch (error) {
      throw new AppError("CONNECTOR.UNAVAILABLE", { reason: (error as Error).message.slice(0, 200) });
    }
    const day = await findDay(deps.db, date);
    const refunds = await findDayRefunds(deps.db, date);
    const report = reconcile({
      date,
      ours: day.parts.map((p) => ({
        txnId: p.gateway_txn_id ?? p.part_no,
        reference: p.part_no,
        amount: p.amount_fen,
      })),
      gateway: statement.transactions.map((t) => ({
        txnId: t.txnId,
        reference: t.partNo,
        amount: t.amountFen,
      })),
      splits: day.splits.map((s) => ({ txnId: s.txnId ?? "", account: s.account, amount: s.amount_fen })),
      refunds: {
        ours: refunds.map((r) => ({
          refundId: r.gateway_refund_id ?? r.refund_no,
          reference: r.refund_no,
          amount: r.amount_fen,
          account: "non-tax" as const,
        })),
        gateway: statement.refunds.map((r) => ({
          refundId: r.refundId,
          reference: r.refundNo,
          amount: r.amountFen,
        })),
      },
    });
    const accounts = { treasury: deps.accounts.treasury, "non-tax": deps.accounts.nonTax };
    const full = { ...report, accounts, generatedAt: deps.now().toISOString() };
    await inTransaction(deps.db, async (tx) => {
      await saveReport(tx, date, report.balanced, full, deps.now());
      await writeAudit(tx, ctx, {
        action: "payment.reconcile",
        outcome: "success",
        targetType: "reconciliation",
        targetId: date,
        details: {
          balanced: report.balanced,
          mismatches: report.mismatches.length,
          totalFen: report.ourTotal,
          refundTotalFen: report.refundTotal,
        },
      });
    });
    return full;
  }

  return {
    quoteFee,
    createPaymentOrder,
    getOrder,
    findOrderForCase,
    openPart,
    handleGatewayPayment,
    applyGatewayPayment,
    getReceipt,
    getRefundReceipt,
    reconcileDay,
    listAllocationsOfPart: (partId: string) => listAllocationsOfPart(deps.db, partId),
  };
}

function timingSafeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export type PaymentService = ReturnType<typeof createPaymentService>;
