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

export type ChargeRequest = {
  partNo: string;
  amountFen: number;
  subject: string;
  payToken: string;
  notifyUrl: string;
};

/** The payment channel (统一支付): charges with a pay page / QR code, and a daily statement. */
export type PaymentGateway = {
  mode: "simulator" | "http";
  createCharge(charge: ChargeRequest): Promise<{ payUrl: string }>;
  statement(date: string): Promise<GatewayTransaction[]>;
};

/** HTTP: POST {base}/charges → {payUrl}; GET {base}/statements/{date} → {transactions}. */
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
    async statement(date) {
      const answer = await client.get<unknown>(`statements/${date}`);
      return z.object({ transactions: z.array(ZGatewayTransaction) }).parse(answer).transactions;
    },
  };
}
