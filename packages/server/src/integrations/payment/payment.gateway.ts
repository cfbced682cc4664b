import { z } from "zod";
import type { SignedClient } from "../shared/http-client";
import { envelope } from "../shared/signed-message";

/** Days are China Standard Time (UTC+8, no daylight saving): a payment at 23:30 belongs to that day. */
export const chinaDate = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const ZGatewayTransaction = z.object({
  txnId: z.string().min(1).max(64),
  partNo: z.string(),
  amountFen: z.number().int().positive(),
  paidAt: z.string(),
});
export type GatewayTransaction = z.infer<typeof ZGatewayTransaction>;

/** A refund (退款) back through the channel to the original transaction. */
export type RefundRequest = {
  refundNo: string;
  partNo: string;
  txnId: string;
  amountFen: number;
  reason: string;
};

/** The channel's answer: done, or refused for good (e.g. the payer's account is closed). */
export const ZGatewayRefund = z.object({
  refundId: z.string().min(1).max(64),
  refundNo: z.string(),
  txnId: z.string(),
  amountFen: z.number().int().positive(),
  status: z.enum(["succeeded", "failed"]),
  refundedAt: z.string(),
  failure: z.string().max(500).nullable().optional(),
});
export type GatewayRefund = z.infer<typeof ZGatewayRefund>;

/** The channel's daily statement (对账单): the day's payments and its refunds. */
export type GatewayStatement = {
  transactions: GatewayTransaction[];
  refunds: Array<{ refundId: string; refundNo: string; txnId: string; amountFen: number }>;
};

export type ChargeRequest = {
  partNo: string;
  amountFen: number;
  subject: string;
  payToken: string;
  notifyUrl: string;
};

/**
 * The payment channel (统一支付): charges with a pay page / QR code, refunds to the original
 * transaction (safe to repeat with the same key), and a daily statement.
 */
export type PaymentGateway = {
  mode: "simulator" | "http";
  createCharge(charge: ChargeRequest): Promise<{ payUrl: string }>;
  refund(request: RefundRequest, key: string): Promise<GatewayRefund>;
  statement(date: string): Promise<GatewayStatement>;
};

const ZStatement = z.object({
  transactions: z.array(ZGatewayTransaction),
  refunds: z
    .array(
      z.object({
        refundId: z.string(),
        refundNo: z.string(),
        txnId: z.string(),
        amountFen: z.number().int().positive(),
      }),
    )
    .default([]),
});

/**
 * HTTP: POST {base}/charges → {payUrl}; POST {base}/refunds → the refund's result;
 * GET {base}/statements/{date} → {transactions, refunds}.
 */
export function createHttpPaymentGateway(client: SignedClient, now: () => Date): PaymentGateway {
  return {
    mode: "http",
    async createCharge(charge) {
      const key = `payment.charge:${charge.partNo}`;
      const answer = await client.post<unknown>(
        "charges",
        envelope("payment.charge", key, { ...charge, payToken: undefined }, now()),
        key,
      );
      return z.object({ payUrl: z.url() }).parse(answer);
    },
    async refund(request, key) {
      const answer = await client.post<unknown>(
        "refunds",
        envelope("payment.refund", key, request, now()),
        key,
      );
      return ZGatewayRefund.parse(answer);
    },
    async statement(date) {
      return ZStatement.parse(await client.get<unknown>(`statements/${date}`));
    },
  };
}
