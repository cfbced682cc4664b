import crypto from "node:crypto";
import { AppError } from "../../platform/errors";
import type { SimulatorStore } from "../shared/simulator-store";
import { chinaDate, type GatewayTransaction, type PaymentGateway } from "./payment.gateway";

export type GatewayNotification = { partNo: string; txnId: string; amountFen: number; paidAt: string };

/**
 * The simulated payment channel: a charge is a pay page served by this server (QR code), paying
 * it creates one gateway transaction and notifies the platform, and the statement lists the
 * day's transactions from the channel's own records, as a bank's would.
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
    async statement(date) {
      const rows = await deps.store.list("payment", "txn");
      return rows
        .map((r) => r.data as GatewayTransaction & { date: string })
        .filter((t) => t.date === date)
        .map(({ txnId, partNo, amountFen, paidAt }) => ({ txnId, partNo, amountFen, paidAt }));
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
