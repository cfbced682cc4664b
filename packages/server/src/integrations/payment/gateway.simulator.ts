import crypto from "node:crypto";
import { AppError } from "../../platform/errors";
import type { SimulatorStore } from "../shared/simulator-store.repository";
import {
  chinaDate,
  type GatewayRefund,
  type GatewayTransaction,
  type PaymentGateway,
} from "./payment.gateway";

export type GatewayNotification = { partNo: string; txnId: string; amountFen: number; paidAt: string };

/**
 * The simulated payment channel: a charge is a pay page served by this server (QR code), paying
 * it creates one gateway transaction and notifies the platform, and the statement lists the
 * day's transactions and refunds from the channel's own records, as a bank's would. A refund
 * goes back to the original transaction, never beyond what it paid, once per refund number.
 */
export function createGatewaySimulator(deps: {
  store: SimulatorStore;
  publicUrl: string;
  now: () => Date;
  notify: (notification: GatewayNotification) => Promise<unknown>;
}): PaymentGateway & { pay(partNo: string, token: string): Promise<GatewayNotification> } {
  return {
    mode: "simulator",
    async createCharge(charge) {
      await deps.store.put(
        "payment",
        "charge",
        charge.partNo,
        { amountFen: charge.amountFen, subject: charge.subject, token: charge.payToken },
        { onlyIfAbsent: true },
      );
      return {
        payUrl: `${deps.publicUrl}/api/integrations/payment/sim/${encodeURIComponent(charge.partNo)}?t=${charge.payToken}`,
      };
    },
    async refund(request) {
      const done = await deps.store.get<GatewayRefund>("payment", "refund", request.refundNo);
      if (done) return done;
      const paid = await deps.store.get<GatewayNotification>("payment", "paid", request.partNo);
      const refunded = (await deps.store.list("payment", "refund"))
        .map((r) => r.data as GatewayRefund)
        .filter((r) => r.txnId === request.txnId && r.status === "succeeded")
        .reduce((sum, r) => sum + r.amountFen, 0);
      const at = deps.now();
      const failure =
        !paid || paid.txnId !== request.txnId
          ? "no such transaction"
          : refunded + request.amountFen > paid.amountFen
            ? "the refund exceeds what the transaction paid"
            : null;
      const answer: GatewayRefund = {
        refundId: `SIMRF${chinaDate(at).replaceAll("-", "")}${crypto.randomBytes(5).toString("hex").toUpperCase()}`,
        refundNo: request.refundNo,
        txnId: request.txnId,
        amountFen: request.amountFen,
        status: failure ? "failed" : "succeeded",
        refundedAt: at.toISOString(),
        failure,
      };
      // Two deliveries of the same refund race: the first one recorded is the answer.
      if (
        !(await deps.store.put(
          "payment",
          "refund",
          request.refundNo,
          { ...answer, date: chinaDate(at) },
          { onlyIfAbsent: true },
        ))
      )
        return (await deps.store.get<GatewayRefund>("payment", "refund", request.refundNo))!;
      return answer;
    },
    async statement(date) {
      const rows = await deps.store.list("payment", "txn");
      const refunds = await deps.store.list("payment", "refund");
      return {
        transactions: rows
          .map((r) => r.data as GatewayTransaction & { date: string })
          .filter((t) => t.date === date)
          .map(({ txnId, partNo, amountFen, paidAt }) => ({ txnId, partNo, amountFen, paidAt })),
        refunds: refunds
          .map((r) => r.data as GatewayRefund & { date: string })
          .filter((r) => r.date === date && r.status === "succeeded")
          .map(({ refundId, refundNo, txnId, amountFen }) => ({ refundId, refundNo, txnId, amountFen })),
      };
    },
    /** The payer confirms on the pay page. Paying twice returns the first transaction. */
    async pay(partNo, token) {
      const charge = await deps.store.get<{ amountFen: number; token: string }>("payment", "charge", partNo);
      if (!charge || charge.token !== token) throw new AppError("REQUEST.NOT_FOUND");
      const paid = await deps.store.get<GatewayNotification>("payment", "paid", partNo);
      let notification: GatewayNotification;
      if (paid) {
        notification = { partNo, txnId: paid.txnId, amountFen: paid.amountFen, paidAt: paid.paidAt };
      } else {
        const at = deps.now();
        notification = {
          partNo,
          txnId: `SIMTXN${chinaDate(at).replaceAll("-", "")}${crypto.randomBytes(5).toString("hex").toUpperCase()}`,
          amountFen: charge.amountFen,
          paidAt: at.toISOString(),
        };
        if (await deps.store.put("payment", "paid", partNo, notification, { onlyIfAbsent: true })) {
          await deps.store.put("payment", "txn", notification.txnId, {
            ...notification,
            date: chinaDate(at),
          });
        } else {
          const first = await deps.store.get<GatewayNotification>("payment", "paid", partNo);
          if (first)
            notification = { partNo, txnId: first.txnId, amountFen: first.amountFen, paidAt: first.paidAt };
        }
      }
      await deps.notify(notification);
      return notification;
    },
  };
}
